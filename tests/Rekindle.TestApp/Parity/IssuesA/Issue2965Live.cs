using System.Text.Json;
using Rekindle.Rendering;
using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 2965: a hook that uploads many files a few at a time. The visible picker is the
/// hook's; it asks the view which files to upload (a <c>pushEvent</c> answered with a reply), hands the
/// first three to the hidden upload input, and one more each time the upload's progress callback says a
/// file is done (a server event). Every entry must reach 100 %.
/// </summary>
public sealed class Issue2965Live : LiveView
{
    /// <summary>The hook <c>Issue2965QueuedUploader</c>, loaded by the route group's root layout.</summary>
    public const string Hook = """
        <script>
        (() => {
          window.Rekindle = window.Rekindle || {};
          const hooks = (window.Rekindle.hooks = window.Rekindle.hooks || {});
          hooks.Issue2965QueuedUploader = {
            mounted() {
              const atOnce = 3;
              let waiting = [];
              this.el.addEventListener("input", () => {
                const chosen = Array.from(this.el.files || []);
                this.pushEvent("upload_scrub_list", { file_names: chosen.map((file) => file.name) }, ({ deduped_filenames }) => {
                  waiting = chosen.filter((file) => deduped_filenames.includes(file.name));
                  this.upload("files", waiting.splice(0, atOnce));
                });
              });
              this.handleEvent("upload_send_next_file", () => {
                const next = waiting.shift();
                if (next) this.upload("files", [next]);
              });
            },
          };
        })();
        </script>
        """;

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("files", maxEntries: 1500, maxFileSize: 10_000_000, autoUpload: true, progress: SendNextWhenDone);
        return ValueTask.CompletedTask;
    }

    private ValueTask SendNextWhenDone(UploadEntry entry)
    {
        if (entry.IsDone)
        {
            PushEvent("upload_send_next_file");
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render()
    {
        var files = Uploads["files"];
        var uploading = files.Entries.Any(entry => !entry.IsDone);
        return Html($"""
            <main>
              <form id="upload-form" phx-change="validate" phx-submit="save">
                {LiveFileInput(files, Attr("style", "display: none;"))}
                <input id="fileinput" type="file" multiple phx-hook="Issue2965QueuedUploader"{Attr("disabled", uploading)}>
                <table><tbody>
                  {Each(files.Entries, entry => entry.Ref, entry => Html($"""<tr><td>{entry.ClientName}</td><td><progress value="{entry.Progress}" max="100">{entry.Progress}%</progress></td></tr>"""))}
                </tbody></table>
              </form>
            </main>
            """);
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "upload_scrub_list":
                // Upstream checks the names against its store here; every file is new to this one.
                var names = payload.Value.TryGetProperty("file_names", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(item => item.GetString()).ToList()
                    : [];
                Reply(new { deduped_filenames = names });
                break;
            case "validate" or "save":
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
