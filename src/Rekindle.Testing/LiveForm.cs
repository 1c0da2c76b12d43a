using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Rekindle.Testing;

/// <summary>
/// A <c>&lt;form&gt;</c> of a <see cref="LiveViewTest"/>, named by a CSS selector. Its events carry the
/// form's current values from the view's HTML with the fields a call gives laid over them, encoded
/// as the client encodes them (docs/protocol.md §5.3).
/// </summary>
/// <remarks>
/// Like a browser, the form remembers which fields the test has touched: a change marks the fields
/// it gives as used, a submit marks them all; untouched fields are sent with the client's
/// <c>_unused_</c> markers. Values typed in an earlier call are not kept: each call starts from the
/// values in the HTML the server rendered.
/// </remarks>
public sealed class LiveForm
{
    private readonly LiveViewTest _view;

    internal LiveForm(LiveViewTest view, string selector)
    {
        _view = view;
        Selector = selector;
    }

    /// <summary>The CSS selector that finds this form; it must match exactly one.</summary>
    public string Selector { get; }

    /// <summary>
    /// Sends the form's <c>phx-change</c> as typing into <paramref name="fields"/> would; <c>_target</c>
    /// is the first field given. Returns the view's HTML once the reply is merged.
    /// </summary>
    /// <example><code>await view.Form("#create-election").ChangeAsync(("title", "Lunch"));</code></example>
    /// <exception cref="LiveViewTestException">The form has no <c>phx-change</c> or no field of a given name, or the server answered with an error.</exception>
    public Task<string> ChangeAsync(params (string Name, string Value)[] fields) => ChangeAsync(fields, CancellationToken.None);

    /// <inheritdoc cref="ChangeAsync(ValueTuple{string, string}[])"/>
    public async Task<string> ChangeAsync(IReadOnlyList<(string Name, string Value)> fields, CancellationToken cancellationToken)
    {
        var form = FindForm();
        var used = _view.UsedFields(FormValues.Key(form));
        var target = fields.Count > 0 ? fields[0].Name : null;
        var targetControl = target is null ? null : FormValues.Controls(form).FirstOrDefault(control => FormValues.Name(control) == target);
        var eventName = targetControl?.GetAttribute("phx-change") is { Length: > 0 } own ? own : form.GetAttribute("phx-change");
        if (string.IsNullOrEmpty(eventName))
        {
            throw new LiveViewTestException($"'{Selector}' has no phx-change: {Shorten(form.OuterHtml)}");
        }
        lock (used)
        {
            used.UnionWith(fields.Select(field => field.Name));
        }
        _view.Typed(FormValues.Key(form), fields, submitted: false);
        // An input with its own phx-change sends only itself.
        var only = targetControl?.HasAttribute("phx-change") == true ? target : null;
        var meta = new Dictionary<string, object?> { ["_target"] = target ?? "undefined" };
        foreach (var (key, value) in LiveElement.Meta(form))
        {
            meta[key] = value;
        }
        var payload = new Dictionary<string, object?>
        {
            ["type"] = "form",
            ["event"] = eventName,
            ["value"] = FormValues.Serialize(form, Selector, fields, used, only),
            ["meta"] = meta,
            ["uploads"] = new Dictionary<string, object?>(),
        };
        return await SendAsync(form, payload, $"change '{eventName}' of '{Selector}'", cancellationToken);
    }

    /// <summary>Submits the form (<c>phx-submit</c>) with <paramref name="fields"/> laid over its values. Returns the view's HTML once the reply is merged.</summary>
    /// <exception cref="LiveViewTestException">The form has no <c>phx-submit</c> or no field of a given name, or the server answered with an error.</exception>
    public Task<string> SubmitAsync(params (string Name, string Value)[] fields) => SubmitAsync(fields, CancellationToken.None);

    /// <inheritdoc cref="SubmitAsync(ValueTuple{string, string}[])"/>
    public Task<string> SubmitAsync(IReadOnlyList<(string Name, string Value)> fields, CancellationToken cancellationToken) => SubmitAsync(fields, submitter: null, cancellationToken);

    /// <param name="fields">Values laid over the form's.</param>
    /// <param name="submitter">The position in <c>form.elements</c> of the button that submitted, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    internal async Task<string> SubmitAsync(IReadOnlyList<(string Name, string Value)> fields, int? submitter, CancellationToken cancellationToken)
    {
        var form = FindForm();
        var eventName = form.GetAttribute("phx-submit");
        if (string.IsNullOrEmpty(eventName))
        {
            throw new LiveViewTestException($"'{Selector}' has no phx-submit: {Shorten(form.OuterHtml)}");
        }
        var used = _view.UsedFields(FormValues.Key(form));
        lock (used)
        {
            used.UnionWith(FormValues.Controls(form).Select(FormValues.Name).OfType<string>());
        }
        var payload = new Dictionary<string, object?>
        {
            ["type"] = "form",
            ["event"] = eventName,
            ["value"] = FormValues.Serialize(form, Selector, fields, used, only: null, submitter is { } at ? form.Elements[at] : null),
            ["meta"] = LiveElement.Meta(form),
        };
        _view.Typed(FormValues.Key(form), fields, submitted: true);
        return await SendAsync(form, payload, $"submit '{eventName}' of '{Selector}'", cancellationToken);
    }

    /// <summary>
    /// Does what the client does when the view renders <c>phx-trigger-action</c> on the form after a
    /// submit: a plain HTTP submit of the form's values to its <c>action</c> with its <c>method</c>, in
    /// this browser (its cookies). Returns the response, which the caller disposes.
    /// </summary>
    /// <example><code>
    /// await view.Form("#login").SubmitAsync(("email", "ada@example.com"));
    /// using var response = await view.Form("#login").FollowTriggerActionAsync();
    /// </code></example>
    /// <exception cref="LiveViewTestException">The form has no <c>phx-trigger-action</c> now.</exception>
    public async Task<HttpResponseMessage> FollowTriggerActionAsync(CancellationToken cancellationToken = default)
    {
        var form = FindForm();
        if (!form.HasAttribute("phx-trigger-action"))
        {
            throw new LiveViewTestException($"'{Selector}' has no phx-trigger-action, so the client would not submit it over HTTP: {Shorten(form.OuterHtml)}");
        }
        var all = FormValues.Controls(form).Select(FormValues.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var values = FormValues.Serialize(form, Selector, [], all, only: null);
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : _view.Url.PathAndQuery;
        if (string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
        {
            return await _view.Browser.SendAsync(HttpMethod.Post, action, new StringContent(values, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), cancellationToken);
        }
        var separator = action.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return await _view.Browser.SendAsync(HttpMethod.Get, action + separator + values, content: null, cancellationToken);
    }

    private async Task<string> SendAsync(IHtmlFormElement form, Dictionary<string, object?> payload, string description, CancellationToken cancellationToken)
    {
        foreach (var cid in LiveElement.Targets(_view, form.OuterHtml, form.GetAttribute("phx-target")))
        {
            var sent = new Dictionary<string, object?>(payload);
            if (cid is not null)
            {
                sent["cid"] = cid;
            }
            await _view.SendEventAsync(sent, description, cancellationToken);
        }
        return _view.RenderedHtml;
    }

    private IHtmlFormElement FindForm() =>
        _view.QuerySingle(Selector) as IHtmlFormElement
        ?? throw new LiveViewTestException($"'{Selector}' is not a <form>: {Shorten(_view.QuerySingle(Selector).OuterHtml)}");

    private static string Shorten(string html) => html.Length <= 500 ? html : html[..500] + "…";
}
