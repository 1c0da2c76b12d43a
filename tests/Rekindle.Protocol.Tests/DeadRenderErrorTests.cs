using System.Net;

namespace Rekindle.Protocol.Tests;

/// <summary>A view that throws while mounting for the dead render gets an error page, not an empty 500 (issue 17, item 11).</summary>
public sealed class DeadRenderErrorTests(HostFixture production, DevelopmentHostFixture development) : IClassFixture<HostFixture>, IClassFixture<DevelopmentHostFixture>
{
    private static async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var response = await http.GetAsync("/test/parity/mount-crash");
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeadRenderMountThrows_Production_PlainErrorPageWithoutTheException()
    {
        var (status, contentType, body) = await GetAsync(production.Host.BaseAddress);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("text/html", contentType);
        Assert.Contains("<h1>Something went wrong</h1>", body);
        Assert.DoesNotContain("MountCrashLive", body);
        Assert.DoesNotContain("on purpose", body);
    }

    [Fact]
    public async Task DeadRenderMountThrows_Development_PageNamesTheViewAndTheEscapedException()
    {
        var (status, contentType, body) = await GetAsync(development.Host.BaseAddress);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("text/html", contentType);
        Assert.Contains("<h1>Rekindle.TestApp.Parity.MountCrashLive threw while rendering the page</h1>", body);
        Assert.Contains("System.InvalidOperationException: mount &lt;failed&gt; on purpose", body);
    }
}
