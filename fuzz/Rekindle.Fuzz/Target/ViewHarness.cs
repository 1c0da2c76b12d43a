using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Rekindle.Hosting;
using Rekindle.Recovery;
using Rekindle.Runtime;
using Rekindle.Routing;
using Rekindle.Wire;

namespace Rekindle.Fuzz;

/// <summary>
/// One real view process (<see cref="FuzzLive"/>) on a fake socket: the services come from
/// <c>AddRekindle</c> (ephemeral keys, snapshots in the browser, no logging), the frames it sends
/// are collected and checked after each input. The view is kept across inputs, as on a socket;
/// when it ends (leave, navigation, refused join) the next push joins a fresh one first.
/// Pushes are routed to the view whatever their topic and join_ref (the socket's routing is a
/// dictionary lookup; the fuzzer would rarely hit the one topic otherwise).
/// </summary>
internal sealed class ViewHarness
{
    public const string LiveSession = "default";
    private const string ViewId = "phx-fuzz0000";
    private const string Topic = ProtocolNames.ViewTopicPrefix + ViewId;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly Lazy<ViewHarness> Instance = new(() => new ViewHarness());

    private readonly ViewProcessFactory _factory;
    private readonly SocketSession _session = new("fuzz-browser", new ClaimsPrincipal(new ClaimsIdentity()), "127.0.0.1");
    private readonly Sink _sink = new();
    private readonly string _sessionToken;
    private readonly string _staticToken;
    private ViewProcess? _view;
    private int _joins;

    private ViewHarness()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        // FuzzLive subscribes to no topic, so the topic log under this folder is never written.
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = Path.Combine(Path.GetTempPath(), "rekindle-fuzz") });
        services.AddLogging();
        services.AddMetrics();
        services.AddRekindle();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.Configure<RecoveryOptions>(options => options.Store = SnapshotStore.Browser);
        var provider = services.BuildServiceProvider();
        Tokens = provider.GetRequiredService<SessionTokens>();
        Routes = provider.GetRequiredService<LiveRouteTable>();
        Routes.Add("/fuzz", typeof(FuzzLive), LiveSession);
        Routes.Add("/fuzz/{id}", typeof(FuzzLive), LiveSession);
        _factory = provider.GetRequiredService<ViewProcessFactory>();
        _sessionToken = Tokens.ProtectSession(new SessionToken(SessionToken.CurrentVersion, ViewId, "/fuzz", LiveSession, _session.BrowserSessionId!));
        _staticToken = Tokens.ProtectStatic(ViewId);
    }

    public static ViewHarness Shared => Instance.Value;

    public SessionTokens Tokens { get; }

    public LiveRouteTable Routes { get; }

    /// <summary>
    /// A join with the input's payload, its tokens replaced by valid ones so that its url, redirect
    /// and params reach the route match, the mount and the first render. Replaces the current view.
    /// </summary>
    public void Join(string joinRef, JsonElement payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in payload.EnumerateObject())
            {
                if (property.Name is not ("session" or "static"))
                {
                    property.WriteTo(json);
                }
            }
            json.WriteString("session", _sessionToken);
            json.WriteString("static", _staticToken);
            json.WriteEndObject();
        }
        StartView(joinRef, JsonDocument.Parse(buffer.WrittenMemory).RootElement);
    }

    public void Push(string? messageRef, string eventName, JsonElement payload) =>
        Deliver(new ClientPushMessage(messageRef, eventName, payload), complete: false);

    public void Leave(string? messageRef) => Deliver(new LeaveMessage(messageRef), complete: true);

    private void Deliver(ViewMessage message, bool complete)
    {
        if (_view is null || _view.Completion.IsCompleted)
        {
            StandardJoin();
        }
        var view = _view!;
        try
        {
            view.PostAsync(message, CancellationToken.None).AsTask().WaitAsync(Patience).GetAwaiter().GetResult();
            if (complete)
            {
                view.Complete();
            }
        }
        catch (ChannelClosedException)
        {
            // The view ended on its own just now (a navigation of the previous input): no reply is due.
        }
        Settle(view);
    }

    private void StandardJoin() => StartView(
        (++_joins).ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonDocument.Parse($$"""{"url":"http://localhost/fuzz","params":{"_csrf_token":"x","_mounts":0},"session":"{{_sessionToken}}","static":"{{_staticToken}}"}""").RootElement);

    private void StartView(string joinRef, JsonElement payload)
    {
        // As the socket does for a second join on a topic: the old view stops.
        _view?.Stop();
        _view = _factory.Create(Topic, joinRef, _sink, _session);
        _view.Start(new JoinMessage(joinRef, payload));
        Settle(_view);
    }

    /// <summary>Waits until the view has handled everything posted so far (or ended), then checks what it sent.</summary>
    private void Settle(ViewProcess view)
    {
        var barrier = new FuzzBarrier();
        if (!view.Completion.IsCompleted)
        {
            try
            {
                view.PostAsync(new InfoMessage(barrier), CancellationToken.None).AsTask().WaitAsync(Patience).GetAwaiter().GetResult();
            }
            catch (ChannelClosedException)
            {
            }
        }
        var settled = Task.WhenAny(barrier.Reached.Task, view.Completion).WaitAsync(Patience);
        try
        {
            settled.GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            throw new FuzzFailureException($"the view did not answer within {Patience.TotalSeconds} s (hang)");
        }
        while (_sink.Frames.TryDequeue(out var frame))
        {
            CheckFrame(frame);
        }
    }

    /// <summary>A frame the server sends must be a well-formed five-element array, and no view may crash.</summary>
    public static void CheckFrame(byte[] frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        FrameTarget.Check(root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 5 && root[4].ValueKind == JsonValueKind.Object, "the server sent a frame that is not [join_ref, ref, topic, event, payload]");
        var eventName = root[3].GetString();
        FrameTarget.Check(eventName != ProtocolNames.Error, "the view crashed (phx_error)");
        if (eventName == ProtocolNames.Reply && root[4].TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
            && response.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
        {
            FrameTarget.Check(reason.GetString() != "join crashed", "the join crashed");
        }
    }

    private sealed class Sink : IFrameSink
    {
        public ConcurrentQueue<byte[]> Frames { get; } = new();

        public void Send(byte[] frame) => Frames.Enqueue(frame);

        public void ViewEnded(ViewProcess view)
        {
        }

        public void Reconnect(string reason) => FrameTarget.Check(false, $"the view was sent to reconnect ({reason}): the snapshot store failed");
    }
}

/// <summary>Posted after each input: <see cref="FuzzLive"/> completes it when it reaches it in its mailbox.</summary>
internal sealed class FuzzBarrier
{
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
