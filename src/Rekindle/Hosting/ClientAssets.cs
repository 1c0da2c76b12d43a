using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Rekindle.Hosting;

/// <summary>
/// Serves the client bundle (phoenix + phoenix_live_view from npm and the rekindle.js bootstrap),
/// embedded in this assembly by the build (build/ClientBundle.targets).
/// </summary>
internal sealed class ClientAssets
{
    public const string ScriptPath = "/_rekindle/rekindle.js";
    private const string ResourceName = "Rekindle.Assets.rekindle.js";
    private readonly Lazy<(byte[] Content, string ETag)> _bundle = new(Load);

    public async Task ServeAsync(HttpContext context)
    {
        var (content, etag) = _bundle.Value;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = "text/javascript; charset=utf-8";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }

    private static (byte[], string) Load()
    {
        using var stream = typeof(ClientAssets).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The client bundle {ResourceName} is not embedded in Rekindle.dll. Expected the build to run npm ci and esbuild in client/ (is node on the PATH?).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        return (content, $"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}\"");
    }
}
