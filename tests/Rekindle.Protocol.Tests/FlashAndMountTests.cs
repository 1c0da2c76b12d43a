using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Rekindle.Protocol.Tests;

/// <summary>Flash tokens, on-mount hooks and navigation during mount on the wire (docs/protocol.md §3.5, §5.5, §8.3, §8.4).</summary>
public sealed class FlashAndMountTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Uri Base => fixture.Host.BaseAddress;

    [Fact]
    public async Task PushNavigate_WithFlash_RepliesASignedToken_ThatTheNextJoinShows()
    {
        await using var client = await PhoenixClient.ConnectAsync(Base, "/test/flash");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.ClickAsync(joinRef, "navigate");
        var redirect = reply["response"]!["live_redirect"]!;
        var joined = await JoinRedirectAsync(client, "/test/flash/target", redirect["flash"]!.GetValue<string>());

        Assert.Equal("/test/flash/target", redirect["to"]!.GetValue<string>());
        Assert.Equal("push", redirect["kind"]!.GetValue<string>());
        Assert.Equal("ok", joined["status"]!.GetValue<string>());
        Assert.Contains("Carried across a live navigation.", joined.ToJsonString());
    }

    [Fact]
    public async Task ForgedFlashToken_IsIgnoredWithAWarning_AndTheViewMounts()
    {
        await using var client = await PhoenixClient.ConnectAsync(Base, "/test/flash");
        var (joinRef, _) = await client.JoinAsync();
        await client.ClickAsync(joinRef, "navigate");
        var logStart = fixture.Host.Logs.Lines.Count;

        var joined = await JoinRedirectAsync(client, "/test/flash/target", "CfDJ8forged-flash-token");

        Assert.Equal("ok", joined["status"]!.GetValue<string>());
        Assert.DoesNotContain("Carried across", joined.ToJsonString());
        Assert.Contains(fixture.Host.Logs.Lines.Skip(logStart), line => line.Level == LogLevel.Warning && line.EventId.Id == 6701);
    }

    [Fact]
    public async Task ClearFlashEvent_RemovesTheKindInKey_OthersStay()
    {
        await using var client = await PhoenixClient.ConnectAsync(Base, "/test/flash");
        var (joinRef, _) = await client.JoinAsync();
        await client.ClickAsync(joinRef, "put", new JsonObject { ["kind"] = "info" });
        await client.ClickAsync(joinRef, "put", new JsonObject { ["kind"] = "error" });

        var cleared = await client.ClickAsync(joinRef, "lv:clear-flash", new JsonObject { ["key"] = "info" });

        // The flash group's keyed list keeps one entry (kc), the error message that was at index 1.
        Assert.Equal("""{"0":{"0":{"k":{"0":1,"kc":1,"km":true}}}}""", PhoenixClient.RenderDiff(cleared));
    }

    [Fact]
    public async Task RedirectWithFlash_TheFlashCookieShowsOnceAtTheDeadRender_AndAgainAtTheFirstJoin()
    {
        await using var client = await PhoenixClient.ConnectAsync(Base, "/test/flash");
        var (joinRef, _) = await client.JoinAsync();
        var reply = await client.ClickAsync(joinRef, "redirect");
        var redirect = reply["response"]!["redirect"]!;

        var page = await PhoenixClient.GetPageAsync(Base, "/test/flash/target", $"{client.Page.Cookie}, __phoenix_flash__={redirect["flash"]!.GetValue<string>()}");
        await using var target = await PhoenixClient.ConnectAsync(Base, page);
        var (_, joined) = await target.JoinAsync();
        var again = await PhoenixClient.GetPageAsync(Base, "/test/flash/target", page.Cookie);

        Assert.Equal("/test/flash/target", redirect["to"]!.GetValue<string>());
        Assert.Contains("Carried across a redirect.", page.Html);
        Assert.Contains("Carried across a redirect.", joined.ToJsonString());
        Assert.DoesNotContain("Carried across a redirect.", again.Html);
    }

    [Fact]
    public async Task PushNavigateInMount_DeadRenderAnswers302_ConnectedJoinRepliesLiveRedirectWithFlash()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Base };
        using var dead = await http.GetAsync("/test/mount-navigate");
        await using var client = await PhoenixClient.ConnectAsync(Base, "/test/flash");
        await client.JoinAsync();

        var joined = await JoinRedirectAsync(client, "/test/mount-navigate", flash: null);

        Assert.Equal(HttpStatusCode.Redirect, dead.StatusCode);
        Assert.Equal("/test/flash/target", dead.Headers.Location!.OriginalString);
        Assert.Contains(dead.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("__phoenix_flash__=", StringComparison.Ordinal));
        Assert.Equal("error", joined["status"]!.GetValue<string>());
        var redirect = joined["response"]!["live_redirect"]!;
        Assert.Equal("/test/flash/target", redirect["to"]!.GetValue<string>());
        Assert.Equal("push", redirect["kind"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(redirect["flash"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PushPatchInMount_DeadRenderAnswers302_ConnectedJoinRepliesOkWithLivePatchAndThePatchedRender()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Base };
        using var dead = await http.GetAsync("/test/patch-on-mount");
        await using var client = await PhoenixClient.ConnectAsync(Base, "/test/patch-on-mount/1");

        var (_, joined) = await client.JoinAsync(page: client.Page with { Url = new Uri(Base, "/test/patch-on-mount") });

        Assert.Equal(HttpStatusCode.Redirect, dead.StatusCode);
        Assert.Equal("/test/patch-on-mount/1", dead.Headers.Location!.OriginalString);
        Assert.Equal("ok", joined["status"]!.GetValue<string>());
        Assert.Equal("""{"to":"/test/patch-on-mount/1","kind":"replace"}""", joined["response"]!["live_patch"]!.ToJsonString());
        Assert.Equal("1", joined["response"]!["rendered"]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnMountHook_Anonymous_DeadRenderAnswers302()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Base };

        using var response = await http.GetAsync("/test/guarded");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/test/flash", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OnMountHook_Admin_Mounts_ButTheSameTokensWithoutTheLogin_JoinRepliesRedirect()
    {
        var cookies = new CookieContainer();
        using (var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Base })
        {
            await http.GetStringAsync("/test/login?role=admin");
        }
        var page = await PhoenixClient.GetPageAsync(Base, "/test/guarded", cookies.GetCookieHeader(Base));
        var withoutLogin = page with { Cookie = string.Join("; ", page.Cookie.Split("; ").Where(c => c.StartsWith("rekindle.sid=", StringComparison.Ordinal))) };

        await using var admin = await PhoenixClient.ConnectAsync(Base, page);
        var (_, allowed) = await admin.JoinAsync();
        await using var anonymous = await PhoenixClient.ConnectAsync(Base, withoutLogin);
        var (_, refused) = await anonymous.JoinAsync();

        Assert.Contains("Welcome tester", page.Html);
        Assert.Contains("lambda hook", page.Html);
        Assert.Equal("ok", allowed["status"]!.GetValue<string>());
        Assert.Contains("tester", allowed.ToJsonString());
        Assert.Equal("error", refused["status"]!.GetValue<string>());
        Assert.Equal("/test/flash", refused["response"]!["redirect"]!["to"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(refused["response"]!["redirect"]!["flash"]!.GetValue<string>()));
    }

    /// <summary>Joins the client's topic again after a live navigation, with the first page's tokens (§8.3).</summary>
    private async Task<JsonNode> JoinRedirectAsync(PhoenixClient client, string path, string? flash)
    {
        var joinRef = client.NextRef();
        var payload = new JsonObject
        {
            ["redirect"] = new Uri(Base, path).ToString(),
            ["params"] = new JsonObject { ["_csrf_token"] = client.Page.CsrfToken, ["_mounts"] = 0 },
            ["session"] = client.Page.Session,
            ["static"] = client.Page.Static,
        };
        if (flash is not null)
        {
            payload["flash"] = flash;
        }
        await client.SendAsync(new JsonArray(joinRef, joinRef, client.Topic, "phx_join", payload));
        return await client.ReplyAsync(joinRef);
    }
}
