using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Rekindle.Transport;

/// <summary>
/// The open sockets of this process, so a shutdown can drain them: from <c>ApplicationStopping</c> on,
/// no new view mounts here (new sockets get 503, joins on open ones close that socket with 1012), and
/// every socket is closed with 1012 at a random moment within <see cref="TransportOptions.DrainJitter"/>,
/// so the clients do not all reconnect at once. State needs no flush here: each snapshot is committed
/// before the reply that shows its change.
/// </summary>
internal sealed class ConnectedSockets : IDisposable
{
    private readonly HashSet<ChannelSocket> _sockets = [];
    private readonly Lock _lock = new();
    private readonly TimeSpan _jitter;
    private readonly TimeProvider _time;
    private readonly CancellationTokenRegistration _stopping;
    private volatile bool _draining;

    public ConnectedSockets(IHostApplicationLifetime lifetime, IOptions<TransportOptions> options, TimeProvider time)
    {
        _jitter = options.Value.DrainJitter;
        _time = time;
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

    /// <summary>Set once the application is stopping: the endpoint refuses new sockets.</summary>
    public bool IsDraining => _draining;

    public IDisposable Track(ChannelSocket socket)
    {
        bool draining;
        lock (_lock)
        {
            _sockets.Add(socket);
            draining = _draining;
        }
        if (draining)
        {
            // Accepted while the drain began: it gets the same treatment as the sockets drained.
            socket.RefuseJoins();
            socket.Drain();
        }
        return new Registration(this, socket);
    }

    public void Dispose() => _stopping.Dispose();

    private void DrainAll()
    {
        ChannelSocket[] sockets;
        lock (_lock)
        {
            _draining = true;
            sockets = [.. _sockets];
        }
        foreach (var socket in sockets)
        {
            socket.RefuseJoins();
        }
        foreach (var socket in sockets)
        {
            var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * _jitter.TotalMilliseconds);
            // Each close runs on its own timer; ChannelSocket.Drain only cancels a token and never throws.
            _ = Task.Delay(delay, _time).ContinueWith(_ => socket.Drain(), TaskScheduler.Default);
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
