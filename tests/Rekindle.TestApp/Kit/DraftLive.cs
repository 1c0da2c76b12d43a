using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Kit;

/// <summary>
/// Recovery in-process: a [Recoverable] count, and drafts the view keeps only in memory, so after a
/// rejoin they come back only through the client's form recovery: a plain form, one with its own
/// recovery event, one that opts out, and a component's form; and a button that crashes the view.
/// </summary>
public sealed class DraftLive : LiveView
{
    private string _draft = "";
    private string _search = "";
    private string _recoveredBy = "";
    private int _ignoredChanges;
    private int _mounts;

    [Recoverable]
    public int Count { get; set; }

    public override ValueTask MountAsync(MountContext context)
    {
        _mounts = context.ConnectParams?.Mounts ?? -1;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <button id="inc" phx-click="inc">+</button>
          <button id="boom" phx-click="boom">crash</button>
          <span id="count">{Count}</span>
          <span id="mounts">{_mounts}</span>
          <form id="note" phx-change="draft" phx-submit="publish">
            <input type="hidden" name="note[kind]" value="memo">
            <input name="note[title]" value="">
            <textarea name="note[body]"></textarea>
          </form>
          <p id="draft">{_draft}</p>
          <form id="search" phx-change="search" phx-auto-recover="recover_search">
            <input name="q" value="">
          </form>
          <p id="search-text">{_search}</p>
          <p id="recovered-by">{_recoveredBy}</p>
          <form id="ignored" phx-change="ignored" phx-auto-recover="ignore">
            <input name="x" value="">
          </form>
          <p id="ignored-changes">{_ignoredChanges}</p>
          {Component<NoteComponent>("note")}
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        var form = payload.Form;
        switch (name)
        {
            case "inc":
                Count++;
                break;
            case "boom":
                throw new InvalidOperationException("DraftLive crashed on purpose");
            case "draft" when form is not null:
                _draft = $"{form["note[title]"]}|{form["note[body]"]}|{form["note[kind]"]}|unused:{form.IsUnused("note[body]")}|target:{form.Target}";
                break;
            case "publish":
                _draft = "published";
                break;
            case "search" when form is not null:
                _search = form["q"] ?? "";
                break;
            case "recover_search" when form is not null:
                _search = form["q"] ?? "";
                _recoveredBy = name;
                break;
            case "ignored":
                _ignoredChanges++;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
