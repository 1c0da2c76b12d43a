using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Issue 21: one long-poll session's requests on two nodes, as a round-robin load balancer sends them.
/// The node that did not open the session passes each on through Redis to the one that did.
/// </summary>
public sealed class ClusterLongPollTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private const string Heartbeat = """[null,"1","phoenix","heartbeat",{}]""";

    private readonly HttpClient _a = new() { BaseAddress = cluster.NodeA.BaseAddress };
    private readonly HttpClient _b = new() { BaseAddress = cluster.NodeB.BaseAddress };

    [Fact]
    public async Task SessionOpenedOnA_PostAndPollOnB_AnsweredByA()
    {
        var token = (await GetAsync(_a, "/live/longpoll?vsn=2.0.0")).GetProperty("token").GetString()!;

        var posted = await PostAsync(_b, $"/live/longpoll?vsn=2.0.0&token={token}", Heartbeat);
        var polled = await GetAsync(_b, $"/live/longpoll?vsn=2.0.0&token={token}");

        Assert.Equal(200, posted.GetProperty("status").GetInt32());
        Assert.Equal(200, polled.GetProperty("status").GetInt32());
        Assert.Equal(token, polled.GetProperty("token").GetString());
        Assert.Equal("""[null,"1","phoenix","phx_reply",{"status":"ok","response":{}}]""", Assert.Single(polled.GetProperty("messages").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task SessionOpenedOnA_RequestsAlternate_EveryReplyArrivesOnce()
    {
        var token = (await GetAsync(_a, "/live/longpoll?vsn=2.0.0")).GetProperty("token").GetString()!;
        var replies = new List<string>();
        for (var i = 1; i <= 6; i++)
        {
            var (post, poll) = i % 2 == 0 ? (_a, _b) : (_b, _a);
            Assert.Equal(200, (await PostAsync(post, $"/live/longpoll?vsn=2.0.0&token={token}", $$"""[null,"{{i}}","phoenix","heartbeat",{}]""")).GetProperty("status").GetInt32());
            var polled = await GetAsync(poll, $"/live/longpoll?vsn=2.0.0&token={token}");
            replies.AddRange(polled.GetProperty("messages").EnumerateArray().Select(message => message.GetString()!));
        }

        Assert.Equal(Enumerable.Range(1, 6).Select(i => $$$"""[null,"{{{i}}}","phoenix","phx_reply",{"status":"ok","response":{}}]"""), replies);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task TokenOfANodeThatIsGone_Answers410AtOnce(string method)
    {
        var path = "/live/longpoll?vsn=2.0.0&token=" + Guid.NewGuid().ToString("N") + ".AAAAAAAAAAAAAAAAAAAAAA";
        var timer = Stopwatch.StartNew();

        var answer = method == "GET" ? await GetAsync(_b, path) : await PostAsync(_b, path, Heartbeat);

        Assert.Equal(410, answer.GetProperty("status").GetInt32());
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(2), $"answered after {timer.Elapsed}: nobody listens, so no waiting for a reply");
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("../x.AAAA")]
    [InlineData(".AAAA")]
    public async Task ForgedToken_OnTheOtherNode_Answers410(string forged)
    {
        var token = (await GetAsync(_a, "/live/longpoll?vsn=2.0.0")).GetProperty("token").GetString()!;
        var wrongSecret = token[..(token.IndexOf('.') + 1)] + "AAAAAAAAAAAAAAAAAAAAAA";

        Assert.Equal(410, (await GetAsync(_b, $"/live/longpoll?vsn=2.0.0&token={Uri.EscapeDataString(forged)}")).GetProperty("status").GetInt32());
        Assert.Equal(410, (await PostAsync(_b, $"/live/longpoll?vsn=2.0.0&token={wrongSecret}", Heartbeat)).GetProperty("status").GetInt32());
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path) => await http.GetFromJsonAsync<JsonElement>(path);

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, string body)
    {
        using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
