using System.Globalization;
using System.Net;

namespace Rekindle.LoadGen;

/// <summary>Command-line options. Every run is bounded in time; only loopback targets are accepted.</summary>
internal sealed class Options
{
    public Uri Url { get; private set; } = new("http://127.0.0.1:5090");
    public string Path { get; private set; } = "/counter";
    public int Views { get; private set; } = 100;
    public double Ramp { get; private set; } = 500;
    public int Concurrency { get; private set; } = 32;
    public double Rate { get; private set; }
    public double Duration { get; private set; } = 10;
    public int Warmup { get; private set; }
    public bool Memory { get; private set; }
    public double Settle { get; private set; } = 3;
    public int SourceIps { get; private set; } = 1;
    public int ViewsPerSocket { get; private set; } = 1;
    public double Timeout { get; private set; } = 15;
    public string? JsonPath { get; private set; }
    public bool Verify { get; private set; } = true;
    public bool Deflate { get; private set; }
    public bool Smoke { get; private set; }
    public int Dump { get; private set; }
    public bool ClickOnOpen { get; private set; }
    public bool Reconnect { get; private set; }
    public double RejoinWait { get; private set; } = 60;
    public double MaxSeconds { get; private set; }

    public const string Usage = """
        Rekindle.LoadGen: opens live views over the Phoenix channel protocol, one WebSocket per view, like browser tabs.

          --url URL           server base URL, loopback only (default http://127.0.0.1:5090)
          --path PATH         page to open: /counter or /ballot (default /counter)
          --views N           views to open (default 100)
          --ramp R            views opened per second (default 500)
          --concurrency C     page loads + joins in flight at once (default 32)
          --rate E            events per second per view after the ramp; 0 = idle views (default 0)
          --duration S        seconds to hold the views (with events if --rate > 0) after the ramp (default 10)
          --warmup W          views opened, clicked once and closed before measuring (default 0)
          --click-on-open     each view sends one event right after joining (as the Blazor memory script does)
          --reconnect         on a dropped socket, reconnect and rejoin like the stock client (back-off 10 ms…5 s),
                              check the count came back, and report drop-to-all-rejoined time (server restarts)
          --rejoin-wait S     after the hold, wait up to S s for dropped views to rejoin (default 60)
          --mem               measure server memory per view: /_stats?gc=true before and after opening
          --settle S          seconds of quiet before each memory reading (default 3)
          --views-per-socket K  join K views on each socket (one browser with K live views; default 1, like tabs);
                              past ~19,000 views the file descriptor limit needs it (no --reconnect with K > 1)
          --source-ips K      spread sockets over local addresses 127.0.0.1..127.0.0.K (past ~28k ports per address)
          --timeout S         timeout of each page load, join and event reply (default 15)
          --no-verify         do not check the counter value in each reply
          --deflate           offer WebSocket permessage-deflate, as browsers do
          --json FILE         also write the results as JSON
          --max-seconds S     hard limit of the whole run (default: computed from the options)
          --dump N            print the first N frames the first view receives (debugging)
          --smoke             CI preset: 100 views, ramp 200/s, 1 event/s/view, 10 s (options given explicitly win)

        Exit code: 0 when every view opened and there were no errors, 1 otherwise, 2 for bad arguments.
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        var given = new HashSet<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            int Integer() => int.Parse(Next(), CultureInfo.InvariantCulture);
            given.Add(name);
            switch (name)
            {
                case "--url": o.Url = new Uri(Next()); break;
                case "--path": o.Path = Next(); break;
                case "--views": o.Views = Integer(); break;
                case "--ramp": o.Ramp = Number(); break;
                case "--concurrency": o.Concurrency = Integer(); break;
                case "--rate": o.Rate = Number(); break;
                case "--duration": o.Duration = Number(); break;
                case "--warmup": o.Warmup = Integer(); break;
                case "--mem": o.Memory = true; break;
                case "--settle": o.Settle = Number(); break;
                case "--source-ips": o.SourceIps = Integer(); break;
                case "--views-per-socket": o.ViewsPerSocket = Integer(); break;
                case "--timeout": o.Timeout = Number(); break;
                case "--no-verify": o.Verify = false; break;
                case "--deflate": o.Deflate = true; break;
                case "--json": o.JsonPath = Next(); break;
                case "--max-seconds": o.MaxSeconds = Number(); break;
                case "--smoke": o.Smoke = true; break;
                case "--dump": o.Dump = Integer(); break;
                case "--click-on-open": o.ClickOnOpen = true; break;
                case "--reconnect": o.Reconnect = true; break;
                case "--rejoin-wait": o.RejoinWait = Number(); break;
                case "-h" or "--help": throw new HelpRequested();
                default: throw new ArgumentException($"unknown option {name}");
            }
        }
        if (o.Smoke)
        {
            if (!given.Contains("--views")) o.Views = 100;
            if (!given.Contains("--ramp")) o.Ramp = 200;
            if (!given.Contains("--rate")) o.Rate = 1;
            if (!given.Contains("--duration")) o.Duration = 10;
        }
        o.Validate();
        return o;
    }

    private void Validate()
    {
        if (Url.Scheme != "http")
        {
            throw new ArgumentException("--url must be http://");
        }
        var loopback = Url.IsLoopback || (IPAddress.TryParse(Url.Host, out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback)
        {
            throw new ArgumentException($"--url must be a loopback address (127.0.0.0/8, localhost, [::1]); got {Url.Host}");
        }
        if (!Path.StartsWith('/')) throw new ArgumentException("--path must start with /");
        if (Views < 1 || Views > 200_000) throw new ArgumentException("--views must be 1..200000");
        if (Ramp <= 0) throw new ArgumentException("--ramp must be positive");
        if (Concurrency < 1 || Concurrency > 4096) throw new ArgumentException("--concurrency must be 1..4096");
        if (Rate < 0 || Rate > 1000) throw new ArgumentException("--rate must be 0..1000");
        if (Duration < 0 || Duration > 24 * 3600) throw new ArgumentException("--duration must be 0..86400");
        if (ViewsPerSocket < 1 || ViewsPerSocket > 100) throw new ArgumentException("--views-per-socket must be 1..100 (the server's default Rekindle:Transport:MaxViewsPerSocket is 100)");
        if (ViewsPerSocket > 1 && Reconnect) throw new ArgumentException("--reconnect needs one socket per view (--views-per-socket 1)");
        if (SourceIps < 1 || SourceIps > 250) throw new ArgumentException("--source-ips must be 1..250");
        if (Timeout <= 0) throw new ArgumentException("--timeout must be positive");
        if (Warmup < 0 || Settle < 0) throw new ArgumentException("--warmup and --settle must not be negative");
        if (MaxSeconds <= 0)
        {
            MaxSeconds = 60 + (Warmup + Views) / Ramp * 2 + Duration + Settle * 3 + Timeout * 4 + (Reconnect ? RejoinWait : 0);
        }
    }

    public sealed class HelpRequested : Exception;
}
