using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Rekindle.Transport;

/// <summary>
/// The open sockets of this process, so a shutdown can drain them: every socket is closed with
/// 1012 at a random moment within <see cref="TransportOptions.DrainJitter"/>, so the clients do not all
/// reconnect at once. State needs no flush here: snapshots are saved after every change.
/// </summary>
internal sealed class ConnectedSockets : IDisposable
{
    private readonly HashSet<ChannelSocket> _sockets = [];
    private readonly Lock _lock = new();
    private readonly TimeSpan _jitter;
    private readonly CancellationTokenRegistration _stopping;

    public ConnectedSockets(IHostApplicationLifetime lifetime, IOptions<TransportOptions> options)
    {
        _jitter = options.Value.DrainJitter;
        _stopping = lifetime.ApplicationStopping.Register(DrainAll);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _sockets.Count;
            }
        }
    }

    public IDisposable Track(ChannelSocket socket)
    {
        lock (_lock)
        {
            _sockets.Add(socket);
        }
        return new Registration(this, socket);
    }

    public void Dispose() => _stopping.Dispose();

    private void DrainAll()
    {
        ChannelSocket[] sockets;
        lock (_lock)
        {
            sockets = [.. _sockets];
        }
        foreach (var socket in sockets)
        {
            var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * _jitter.TotalMilliseconds);
            // Each close runs on its own timer; ChannelSocket.Drain only cancels a token and never throws.
            _ = Task.Delay(delay).ContinueWith(_ => socket.Drain(), TaskScheduler.Default);
        }
    }

    private void Untrack(ChannelSocket socket)
    {
        lock (_lock)
        {
            _sockets.Remove(socket);
        }
    }

    private sealed class Registration(ConnectedSockets owner, ChannelSocket socket) : IDisposable
    {
        public void Dispose() => owner.Untrack(socket);
    }
}
