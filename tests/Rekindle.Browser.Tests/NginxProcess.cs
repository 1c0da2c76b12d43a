using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rekindle.Browser.Tests;

/// <summary>
/// A real nginx (Debian's package) in front of the cluster's nodes, configured as deploy/cluster.sh
/// does it: plain round robin (no sticky sessions), WebSocket upgrade headers, a failed node skipped.
/// Runs in the foreground as a child process with its files in a temporary folder.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public static async Task<NginxProcess> StartAsync(IEnumerable<Uri> upstreams)
    {
        var port = ServerProcess.FreePort();
        var folder = Directory.CreateTempSubdirectory("rekindle-nginx-").FullName;
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(folder, port, upstreams));
        var process = Process.Start(new ProcessStartInfo(Executable(), ["-c", config, "-p", folder, "-g", "daemon off;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("nginx did not start (apt-get install -y nginx).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new NginxProcess(process, folder, port);
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public Uri Url(string path) => new(BaseAddress, path);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temp folder are harmless.
        }
    }

    private static string Executable() =>
        File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    private static string Config(string folder, int port, IEnumerable<Uri> upstreams) => $$"""
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log;
        events { worker_connections 1024; }
        http {
          access_log off;
          client_body_temp_path {{folder}}/body;
          proxy_temp_path {{folder}}/proxy;
          fastcgi_temp_path {{folder}}/fastcgi;
          uwsgi_temp_path {{folder}}/uwsgi;
          scgi_temp_path {{folder}}/scgi;
          upstream nodes {
        {{string.Concat(upstreams.Select(node => $"    server {node.Authority} max_fails=0;\n"))}}  }
          map $http_upgrade $connection_upgrade { default upgrade; '' close; }
          server {
            listen 127.0.0.1:{{port}};
            location / {
              proxy_pass http://nodes;
              proxy_http_version 1.1;
              proxy_set_header Upgrade $http_upgrade;
              proxy_set_header Connection $connection_upgrade;
              proxy_set_header Host $host:$server_port;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              proxy_set_header X-Forwarded-Proto $scheme;
              proxy_read_timeout 120s;
              proxy_send_timeout 120s;
              proxy_connect_timeout 2s;
              proxy_next_upstream error timeout http_502 http_503;
            }
          }
        }
        """;
}
