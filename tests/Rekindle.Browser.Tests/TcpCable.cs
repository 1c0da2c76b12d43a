using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Rekindle.Browser.Tests;

/// <summary>
/// A TCP forwarder between the browser and a server, to play a network that goes away the way a
/// sleeping laptop's does: <see cref="Cut"/> makes open connections a black hole (bytes in either
/// direction are dropped, nobody is told) and refuses new ones; <see cref="Mend"/> lets new
/// connections through again and resets the ones opened before the cut, as the woken machine
/// finds its old TCP connections dead.
/// </summary>
public sealed class TcpCable : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly ConcurrentDictionary<Link, bool> _links = new();
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _cut;

    private TcpCable(Uri target)
    {
        _target = target;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync(); // ends with the listener; errors end single links only
    }

    public Uri BaseAddress { get; }

    public static TcpCable To(Uri target) => new(target);

    public Uri Url(string path) => new(BaseAddress, path);

    public void Cut() => _cut = true;

    public void Mend()
    {
        var before = _links.Keys.ToList();
        _cut = false;
        foreach (var link in before)
        {
            link.Close();
            _links.TryRemove(link, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var link in _links.Keys)
        {
            link.Close();
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (_cut)
            {
                client.Client.Close(0); // refused: the network is gone
                continue;
            }
            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_target.Host, _target.Port);
            }
            catch (SocketException)
            {
                client.Client.Close(0);
                server.Dispose();
                continue;
            }
            var link = new Link(client, server);
            _links[link] = true;
            _ = Task.WhenAll(PumpAsync(client, server), PumpAsync(server, client)).ContinueWith(pumps =>
            {
                if (!_cut)
                {
                    link.Close();
                    _links.TryRemove(link, out _);
                }
            }, TaskScheduler.Default);
        }
    }

    /// <summary>Copies bytes until either side ends; while the cable is cut, they are dropped.</summary>
    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var input = from.GetStream();
            var output = to.GetStream();
            int read;
            while ((read = await input.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (!_cut)
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                }
            }
            if (!_cut)
            {
                to.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // One side is gone: the link ends.
        }
    }

    private sealed class Link(TcpClient client, TcpClient server)
    {
        private int _closed;

        /// <summary>Resets both connections; only the first call does anything.</summary>
        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1)
            {
                return;
            }
            client.Client.Close(0);
            server.Client.Close(0);
            client.Dispose();
            server.Dispose();
        }
    }
}
