using Rekindle.BenchApp;
using Rekindle.EchoFloor;

// What ASP.NET Core itself costs per live connection and per event, measured with the same load
// generator as the Rekindle bench app (bench/README.md, "The floor").
//   --urls http://127.0.0.1:5090     where to listen
//   --Echo:ReplyBytes 83              size of every reply frame (default: Rekindle's counter click reply)
// Host settings are the bench app's: WebApplication defaults, Warning logs, the WebSockets middleware.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var replyBytes = builder.Configuration.GetValue("Echo:ReplyBytes", EchoSocket.DefaultReplyBytes);

var app = builder.Build();
app.UseWebSockets();
app.UseSocketCounting();
app.MapStats();
app.MapGet("/live/websocket", async context =>
{
    if (!context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    await new EchoSocket(socket, replyBytes).RunAsync(context.RequestAborted);
});
app.MapGet("/{**path}", (HttpContext context) =>
{
    context.Response.Headers.SetCookie = "rekindle.sid=floor; path=/; httponly";
    return Results.Content(FloorPage.Html, "text/html");
});
app.Run();
