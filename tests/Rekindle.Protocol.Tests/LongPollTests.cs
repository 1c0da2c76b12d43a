using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Rekindle.Protocol.Tests;

/// <summary>/live/longpoll as a hostile client sees it: every refusal is an answer the stock client understands.</summary>
public sealed class LongPollTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Host.BaseAddress };

    [Fact]
    public async Task Get_WithoutToken_OpensASessionThatAnswersAHeartbeat()
    {
        var opened = await GetAsync("/live/longpoll?vsn=2.0.0");
        Assert.Equal(410, opened.GetProperty("status").GetInt32());
        var token = opened.GetProperty("token").GetString()!;
        Assert.True(token.Length >= 22);

        var posted = await PostAsync($"/live/longpoll?vsn=2.0.0&token={token}", """[null,"1","phoenix","heartbeat",{}]""");
        var polled = await GetAsync($"/live/longpoll?vsn=2.0.0&token={token}");

        Assert.Equal(200, posted.GetProperty("status").GetInt32());
        Assert.Equal(200, polled.GetProperty("status").GetInt32());
        Assert.Equal(token, polled.GetProperty("token").GetString());
        Assert.Equal("""[null,"1","phoenix","phx_reply",{"status":"ok","response":{}}]""", Assert.Single(polled.GetProperty("messages").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task UnknownToken_Answers410(string method)
    {
        var answer = method == "GET"
            ? await GetAsync("/live/longpoll?vsn=2.0.0&token=forged")
            : await PostAsync("/live/longpoll?vsn=2.0.0&token=forged", """[null,"1","phoenix","heartbeat",{}]""");
        Assert.Equal(410, answer.GetProperty("status").GetInt32());
        Assert.False(answer.TryGetProperty("token", out _));
    }

    [Fact]
    public async Task ForeignOrigin_Answers403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/live/longpoll?vsn=2.0.0");
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await _http.SendAsync(request);
        Assert.Equal(403, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task UnsupportedSerializer_Answers400()
    {
        Assert.Equal(400, (await GetAsync("/live/longpoll?vsn=1.0.0")).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OversizedPost_Answers400AndTheSessionLives()
    {
        var token = (await GetAsync("/live/longpoll?vsn=2.0.0")).GetProperty("token").GetString()!;

        var oversized = await PostAsync($"/live/longpoll?vsn=2.0.0&token={token}", new string('x', 64 * 1024 * 100 + 1));
        var heartbeat = await PostAsync($"/live/longpoll?vsn=2.0.0&token={token}", """[null,"2","phoenix","heartbeat",{}]""");

        Assert.Equal(400, oversized.GetProperty("status").GetInt32());
        Assert.Equal(200, heartbeat.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task PostedLineNeitherJsonNorBase64_Answers400AndTheSessionLives()
    {
        var token = (await GetAsync("/live/longpoll?vsn=2.0.0")).GetProperty("token").GetString()!;

        var garbage = await PostAsync($"/live/longpoll?vsn=2.0.0&token={token}", "not base64!");
        var heartbeat = await PostAsync($"/live/longpoll?vsn=2.0.0&token={token}", """[null,"2","phoenix","heartbeat",{}]""");

        Assert.Equal(400, garbage.GetProperty("status").GetInt32());
        Assert.Equal(200, heartbeat.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OversizedChunkedPost_Answers400()
    {
        var token = (await GetAsync("/live/longpoll?vsn=2.0.0")).GetProperty("token").GetString()!;
        using var content = new StreamContent(new MemoryStream(new byte[64 * 1024 * 100 + 1]));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/live/longpoll?vsn=2.0.0&token={token}") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _http.SendAsync(request);

        Assert.Equal(400, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    private async Task<JsonElement> GetAsync(string path) => await _http.GetFromJsonAsync<JsonElement>(path);

    private async Task<JsonElement> PostAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");
        using var response = await _http.PostAsync(path, content);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
