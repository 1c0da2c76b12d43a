using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Rekindle.TestApp.Uploads;

/// <summary>
/// A small object store on the test app's own origin, for external uploads: <c>PUT /test/object-store/{key}</c>
/// takes the bytes. Keys starting <c>fail-</c> answer 500 after reading them; keys starting <c>hold-</c>
/// read them and then keep the request open until the client aborts it. <c>GET</c> tells what became of a key:
/// the number of bytes stored, <c>holding</c>, <c>aborted</c>, or 404.
/// </summary>
public static class ObjectStore
{
    public const string Path = "/test/object-store";

    private static readonly ConcurrentDictionary<string, string> s_objects = new(StringComparer.Ordinal);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPut(Path + "/{key}", async (string key, HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            if (key.StartsWith("fail-", StringComparison.Ordinal))
            {
                s_objects[key] = "refused";
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }
            if (key.StartsWith("hold-", StringComparison.Ordinal))
            {
                s_objects[key] = "holding";
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    s_objects[key] = "aborted";
                }
                return Results.Empty;
            }
            s_objects[key] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok();
        });
        app.MapGet(Path + "/{key}", (string key) =>
            s_objects.TryGetValue(key, out var state) ? Results.Text(state) : Results.NotFound());
    }
}
