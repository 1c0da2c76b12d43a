namespace Rekindle.Uploads;

/// <summary>How an upload's <c>maxEntries</c> is counted, as Phoenix's <c>max_entries_mode</c>.</summary>
public enum MaxEntriesMode
{
    /// <summary>The files selected now: consuming an entry frees room for another (the default).</summary>
    Selected,

    /// <summary>
    /// Also the files already consumed, for the life of the upload: with an auto upload consumed as it
    /// finishes, at most <c>maxEntries</c> files are ever taken. <c>AllowUpload</c> again resets the count.
    /// </summary>
    Total,
}
