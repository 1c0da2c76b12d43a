using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A form with phx-change validation and phx-submit, echoing what the server received.</summary>
public sealed class FormLive : LiveView
{
    public string Name { get; private set; } = "";

    public string Target { get; private set; } = "";

    public string Tags { get; private set; } = "";

    public string Saved { get; private set; } = "";

    public int Changes { get; private set; }

    public override Rendered Render() => Html($"""
        <section>
          <form id="profile" phx-change="validate" phx-submit="save">
            <input id="name" type="text" name="user[name]" value="{Name}">
            <label><input id="tag-a" type="checkbox" name="tags[]" value="a"{Attr("checked", Tags.Split(',').Contains("a"))}> a</label>
            <label><input id="tag-b" type="checkbox" name="tags[]" value="b"{Attr("checked", Tags.Split(',').Contains("b"))}> b</label>
            <button id="save" type="submit">Save</button>
          </form>
          <p id="echo">{Name}</p>
          <p id="target">{Target}</p>
          <p id="tags">{Tags}</p>
          <p id="changes">{Changes}</p>
          <p id="saved">{Saved}</p>
          <p id="length-error">{(Name.Length > 10 ? "too long" : "")}</p>
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        var form = payload.Form ?? throw new InvalidOperationException("expected a form event");
        switch (name)
        {
            case "validate":
                Name = form["user[name]"] ?? "";
                Target = form.Target ?? "";
                Tags = string.Join(",", form.GetAll("tags[]"));
                Changes++;
                break;
            case "save":
                Saved = $"saved {form["user[name]"]}";
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
