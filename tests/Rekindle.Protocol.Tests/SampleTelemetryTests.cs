using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// The Ballots sample's OpenTelemetry wiring (Telemetry:Exporter), observed with the SDK's in-memory
/// exporter added beside the configured OTLP one: Rekindle's spans reach the SDK, under ASP.NET Core's.
/// </summary>
public sealed class SampleTelemetryTests
{
    [Fact]
    public async Task Ballots_OtlpExporterConfigured_ExportsRekindleSpansWithAspNetCoreParents()
    {
        var spans = new List<Activity>();
        // Nothing listens on the OTLP port: the exporter's sends fail quietly, the in-memory copy is what the test reads.
        string[] args = ["--urls", "http://127.0.0.1:0", "--Rekindle:DataPath", TestHost.NewDataPath(), "--Telemetry:Exporter", "otlp", "--Telemetry:OtlpEndpoint", $"http://127.0.0.1:{UnusedPort()}"];
        var app = Ballots.BallotsApp.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        });
        string topic;
        int port;
        await using (app)
        {
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            port = address.Port;
            await using (var client = await PhoenixClient.ConnectAsync(address, "/counter"))
            {
                topic = client.Topic;
                var (joinRef, _) = await client.JoinAsync();
                await client.ClickAsync(joinRef, "inc");
            }
            // Stopping ends the views and their spans and flushes the SDK's exporters; the list is read after.
            await app.StopAsync();
        }

        // The SDK listens process-wide, so hosts of other test classes export here too: select this host's requests.
        var page = Assert.Single(spans, span => span.Source.Name == "Microsoft.AspNetCore" && (string?)span.GetTagItem("url.path") == "/counter" && Equals(span.GetTagItem("server.port"), port));
        var mount = Assert.Single(spans, span => span.OperationName == "rekindle.mount" && span.ParentSpanId == page.SpanId);
        Assert.Equal("Ballots.Counter.CounterLive", mount.GetTagItem("rekindle.view"));
        var join = Assert.Single(spans, span => span.OperationName == "rekindle.join" && (string?)span.GetTagItem("rekindle.channel") == topic);
        var socketRequest = Assert.Single(spans, span => span.SpanId == join.ParentSpanId);
        Assert.Equal("Microsoft.AspNetCore", socketRequest.Source.Name);
        var click = Assert.Single(spans, span => span.OperationName == "rekindle.event" && (string?)span.GetTagItem("rekindle.channel") == topic);
        Assert.Equal("inc", click.GetTagItem("rekindle.event"));
        Assert.Equal(socketRequest.SpanId, Assert.Single(click.Links).Context.SpanId);
        Assert.Contains(spans, span => span.OperationName == "rekindle.render" && span.ParentSpanId == click.SpanId);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
