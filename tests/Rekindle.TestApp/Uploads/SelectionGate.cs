namespace Rekindle.TestApp.Uploads;

/// <summary>Holds <see cref="GatedUploadDraftLive"/>'s reply to a file selection until a test opens it, to click save in between.</summary>
public static class SelectionGate
{
    private static TaskCompletionSource s_open = Opened();

    /// <summary>From now on, each selection waits for <see cref="Open"/>.</summary>
    public static void Close() => s_open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the waiting and later selections through.</summary>
    public static void Open() => s_open.TrySetResult();

    internal static Task WaitAsync() => s_open.Task;

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
