namespace Rekindle.Uploads;

/// <summary>What became of one binary chunk.</summary>
internal enum ChunkResult
{
    Ok,
    TooLarge,
    Closed,
    WriterError,
}
