using System.Text.Json;

namespace Rekindle.Views;

/// <summary>
/// The payload of a client event (docs/protocol.md §5.2): for clicks, keys, focus and blur the
/// <c>phx-value-*</c> values; for forms the parsed fields; for hooks the JSON the hook pushed.
/// </summary>
public sealed class EventPayload
{
    internal EventPayload(string? type, JsonElement value, FormData? form, JsonElement meta, int? cid)
    {
        Type = type;
        Value = value;
        Form = form;
        Meta = meta;
        Cid = cid;
    }

    /// <summary><c>click</c>, <c>form</c>, <c>keydown</c>, <c>keyup</c>, <c>blur</c>, <c>focus</c>, <c>hook</c>, <c>js</c>, or <see langword="null"/>.</summary>
    public string? Type { get; }

    /// <summary>The raw <c>value</c> member: an object, or for forms the url-encoded string.</summary>
    public JsonElement Value { get; }

    /// <summary>The parsed form fields for <c>phx-change</c>/<c>phx-submit</c>; <see langword="null"/> for other events.</summary>
    public FormData? Form { get; }

    /// <summary>Form event metadata (<c>_target</c>, the form's <c>phx-value-*</c>).</summary>
    public JsonElement Meta { get; }

    /// <summary>The component the event was sent to, if any.</summary>
    internal int? Cid { get; }

    /// <summary>The key of a key event (<c>KeyboardEvent.key</c>).</summary>
    public string? Key => GetString("key");

    /// <summary>
    /// A value by name: a <c>phx-value-*</c> of the element, a form field, or a member of a hook's payload.
    /// Numbers and booleans come back as their JSON text.
    /// </summary>
    public string? GetString(string name)
    {
        if (Form is not null)
        {
            return Form[name] ?? ReadMember(Meta, name);
        }
        return ReadMember(Value, name);
    }

    /// <summary>The hook payload (or click values) deserialized to <typeparamref name="T"/>.</summary>
    public T? Deserialize<T>() => Value.Deserialize<T>();

    private static string? ReadMember(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var member)
            ? member.ValueKind switch
            {
                JsonValueKind.String => member.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => member.GetRawText(),
            }
            : null;
}
