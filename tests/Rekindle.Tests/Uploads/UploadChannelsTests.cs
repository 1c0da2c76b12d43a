using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.Uploads;
using Rekindle.Wire;

namespace Rekindle.Tests.Uploads;

public sealed class UploadChannelsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rekindle-tests", Guid.NewGuid().ToString("N"));
    private readonly UploadTempFolder _tempFolder;
    private readonly UploadService _service;
    private readonly UploadTransfers _transfers = new();
    private readonly ManualTime _time = new();
    private readonly List<string> _sent = [];
    private readonly UploadChannels _channels;

    public UploadChannelsTests()
    {
        _tempFolder = new UploadTempFolder(Path.Combine(_root, "temp"), NullLogger<UploadTempFolder>.Instance);
        _service = new UploadService(new EphemeralDataProtectionProvider(), _tempFolder);
        _channels = new UploadChannels(_service, topic => topic == "lv:view" ? _transfers : null, frame => _sent.Add(Encoding.UTF8.GetString(frame)), _time, NullLogger.Instance);
    }

    [Fact]
    public void ChunkTimeout_NoChunkForTheTimeout_DeletesTheFileAndClosesTheChannel()
    {
        var transfer = JoinedTransfer(1000);
        _channels.Chunk(new BinaryPush("1", "2", "lvu:0", "chunk", new byte[100]));
        Assert.True(File.Exists(transfer.Path));

        _time.FireDueTimers();

        Assert.False(File.Exists(transfer.Path));
        Assert.Equal("""["1","1","lvu:0","phx_close",{}]""", _sent[^1]);
    }

    [Fact]
    public void ChunkTimeout_AfterTheLastChunk_KeepsTheFinishedFile()
    {
        var transfer = JoinedTransfer(100);
        _channels.Chunk(new BinaryPush("1", "2", "lvu:0", "chunk", new byte[100]));

        _time.FireDueTimers();

        Assert.True(transfer.IsComplete);
        Assert.Equal(100, new FileInfo(transfer.Path).Length);
        Assert.Equal("""["1","2","lvu:0","phx_reply",{"status":"ok","response":{}}]""", _sent[^1]);
    }

    [Fact]
    public void Delete_ByTheView_ClosesTheChannelOnce()
    {
        var transfer = JoinedTransfer(1000);

        transfer.Delete();
        transfer.Delete();

        Assert.Equal(1, _sent.Count(frame => frame.Contains("phx_close", StringComparison.Ordinal)));
        Assert.False(File.Exists(transfer.Path));
    }

    public void Dispose()
    {
        _transfers.DeleteAll();
        _tempFolder.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private UploadTransfer JoinedTransfer(long size)
    {
        var transfer = _transfers.Create(_service.TempFolder, "phx-ref", "0", size, TimeSpan.FromSeconds(10));
        var payload = JsonDocument.Parse($$"""{"token":"{{_service.Protect("lv:view", transfer.Id)}}"}""").RootElement;
        _channels.Join(new InboundFrame("1", "1", "lvu:0", "phx_join", payload));
        Assert.Equal("""["1","1","lvu:0","phx_reply",{"status":"ok","response":{}}]""", _sent[^1]);
        return transfer;
    }

    /// <summary>A clock whose timers fire only when the test says so.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private readonly List<ManualTimer> _timers = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new ManualTimer(callback, state, dueTime);
            _timers.Add(timer);
            return timer;
        }

        public void FireDueTimers()
        {
            foreach (var timer in _timers.ToList())
            {
                timer.FireIfDue();
            }
        }

        private sealed class ManualTimer(TimerCallback callback, object? state, TimeSpan dueTime) : ITimer
        {
            private TimeSpan _dueTime = dueTime;

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                _dueTime = dueTime;
                return true;
            }

            public void FireIfDue()
            {
                if (_dueTime != Timeout.InfiniteTimeSpan)
                {
                    _dueTime = Timeout.InfiniteTimeSpan;
                    callback(state);
                }
            }

            public void Dispose() => _dueTime = Timeout.InfiniteTimeSpan;

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
