using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Rekindle.Testing;

/// <summary>
/// The client's form recovery after a rejoin (docs/protocol.md §7.6): every form of the old page
/// with an id and a <c>phx-change</c> whose id the new render still has with the same
/// <c>phx-change</c> is sent as a change event, with the old form's values (what the user typed
/// laid over the rendered ones), so the freshly mounted view gets them back.
/// </summary>
internal static class FormRecovery
{
    private const string AutoRecover = "phx-auto-recover";

    public static List<(Dictionary<string, object?> Payload, string Description)> Events(
        LiveViewTest view,
        string oldHtml,
        Func<string, IReadOnlyList<(string Name, string Value)>> typed,
        Func<string, HashSet<string>> used)
    {
        var events = new List<(Dictionary<string, object?>, string)>();
        var oldDocument = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{oldHtml}</body></html>");
        foreach (var oldForm in oldDocument.QuerySelectorAll("form[id][phx-change]").OfType<IHtmlFormElement>())
        {
            if (oldForm.GetAttribute(AutoRecover) == "ignore" || oldForm.Elements.Length == 0)
            {
                continue;
            }
            var id = oldForm.Id!; // selected with [id]
            var matches = view.Query($"form[id=\"{id.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]");
            if (matches.Count != 1 || matches[0] is not IHtmlFormElement newForm || newForm.GetAttribute("phx-change") != oldForm.GetAttribute("phx-change"))
            {
                continue;
            }
            // Inputs with their own phx-change are left out (§7.6); none left means nothing is sent.
            foreach (var own in oldForm.QuerySelectorAll("[phx-change]").ToList())
            {
                own.Remove();
            }
            if (!FormValues.Controls(oldForm).Any())
            {
                continue;
            }
            var eventName = newForm.GetAttribute(AutoRecover) is { Length: > 0 } recover ? recover : newForm.GetAttribute("phx-change")!; // matched on phx-change
            var key = FormValues.Key(oldForm);
            var names = FormValues.Controls(oldForm).Select(FormValues.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var fields = typed(key).Where(field => names.Contains(field.Name)).ToList();
            var meta = new Dictionary<string, object?>
            {
                ["_target"] = FormValues.Controls(oldForm).FirstOrDefault(control => control is not IHtmlInputElement { Type: "hidden" } && FormValues.Name(control) is not null) is { } first
                    ? FormValues.Name(first)
                    : "undefined",
            };
            foreach (var (name, extra) in LiveElement.Meta(oldForm))
            {
                meta[name] = extra;
            }
            var value = FormValues.Serialize(oldForm, $"#{id}", fields, used(key), only: null);
            foreach (var cid in LiveElement.Targets(view, newForm.OuterHtml, newForm.GetAttribute("phx-target")))
            {
                var payload = new Dictionary<string, object?>
                {
                    ["type"] = "form",
                    ["event"] = eventName,
                    ["value"] = value,
                    ["meta"] = meta,
                    ["uploads"] = new Dictionary<string, object?>(),
                };
                if (cid is not null)
                {
                    payload["cid"] = cid;
                }
                events.Add((payload, $"form recovery '{eventName}' of '#{id}'"));
            }
        }
        return events;
    }
}
