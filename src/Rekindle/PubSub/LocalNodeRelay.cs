namespace Rekindle.PubSub;

/// <summary>The default <see cref="INodeRelay"/> of a single node: there is no other node to ask.</summary>
internal sealed class LocalNodeRelay : INodeRelay
{
    public string Node { get; } = Guid.NewGuid().ToString("N");

    public Task<string?> AskAsync(string node, string purpose, string request, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>(null);

    public IDisposable Answer(string purpose, Func<string, CancellationToken, Task<string>> handler) => new Nothing();

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
