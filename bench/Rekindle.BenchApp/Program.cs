using Rekindle.BenchApp;

// Configuration (command line or environment, standard ASP.NET Core keys):
//   --urls http://127.0.0.1:5090                 where to listen (loopback only for the bench)
//   --Rekindle:DataPath /tmp/x                    key ring and snapshot store folder
//   --Rekindle:Recovery:Enabled false             no [Recoverable] snapshots at all
//   --Rekindle:Recovery:Store Browser|Server      where snapshots are kept (engine default: see RecoveryOptions)
// appsettings.json lifts the engine's per-address join and per-socket push rate limits: every load
// generator view and every browser tab of the bench comes from 127.0.0.1, and latency.js clicks
// every ~2 ms. The bench measures the engine, not its abuse limits.
// The content root is the app's folder whatever the working directory, so appsettings.json applies.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddRekindle();

var app = builder.Build();
app.UseSocketCounting();
app.MapStats();
app.MapLiveView<CounterLive>("/counter");
app.MapLiveView<BallotLive>("/ballot");
app.MapGet("/", () => Results.Redirect("/counter"));
app.Run();
