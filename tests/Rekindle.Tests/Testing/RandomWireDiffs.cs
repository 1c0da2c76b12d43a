using System.Text.Json.Nodes;

namespace Rekindle.Tests.Testing;

/// <summary>
/// Random but valid wire diffs against whatever the client holds now (its merged tree, read back
/// from the real client): the shapes our server never sends but the client accepts — shared
/// component statics (<c>"s": N</c> and <c>"s": -N</c>), <c>"p"</c> templates, moves with and without
/// changes, brand-new entries merged over old ones, partial diffs of orphaned components — beside the ones it does.
/// </summary>
internal sealed class RandomWireDiffs(int seed)
{
    private static readonly string[][] NodeTemplates =
    [
        ["<div class=\"a\">", "</div>"],
        ["<p>", "<b>", "</b></p>"],
        ["<section>", "", "</section>"],
        [" <!-- note --> <span title=\"", "\">", "</span> "],
    ];

    private static readonly string[][] EntryTemplates = [["<li>", "</li>"], ["<li class=\"x\">", ":", "</li>"]];

    private static readonly string[][] ComponentTemplates = [["<article>", "</article>"], ["<div id=\"c\">", "<i>", "</i></div>"]];

    private static readonly string[] Words = ["", "a", "Milk", "&lt;b&gt;", "é", "x y", "0", "\"q\""];

    private readonly Random _random = new(seed);
    private int _nextCid;
    private JsonObject _newComponents = [];
    private JsonObject? _oldComponents;

    /// <summary>A join render: a root node, its components, sometimes a title.</summary>
    public JsonObject Join()
    {
        _nextCid = 1;
        _oldComponents = [];
        _newComponents = [];
        var root = new JsonObject { ["s"] = Statics(["<main>", "", "", "</main>"]) };
        for (var i = 0; i < 3 - 1; i++)
        {
            root[Key(i)] = NewDynamic(depth: 0, inComponent: false, templates: null);
        }
        return Finish(root);
    }

    /// <summary>A diff against <paramref name="held"/>, the client's merged tree (with its <c>"c"</c>).</summary>
    public JsonObject Diff(JsonObject held)
    {
        _oldComponents = held["c"] as JsonObject ?? [];
        _newComponents = [];
        _nextCid = Math.Max(_nextCid, _oldComponents.Select(entry => int.Parse(entry.Key) + 1).DefaultIfEmpty(1).Max());
        JsonObject? templates = null;
        var diff = new JsonObject();
        if (_random.Next(4) == 0)
        {
            templates = [];
            for (var i = 0; i < NodeTemplates.Length; i++)
            {
                templates[Key(i)] = Statics(NodeTemplates[i]);
            }
            diff["p"] = templates;
        }
        PartialInto(diff, held, depth: 0, inComponent: false, templates);
        foreach (var (cid, component) in _oldComponents.ToList())
        {
            if (_random.Next(3) == 0 && !_newComponents.ContainsKey(cid))
            {
                _newComponents[cid] = _random.Next(4) == 0 ? NewComponent() : PartialNode((JsonObject)component!, depth: 1, inComponent: true, templates: null);
            }
        }
        if (_random.Next(5) == 0)
        {
            diff["t"] = "Title " + _random.Next(10);
        }
        if (_random.Next(6) == 0)
        {
            diff["e"] = new JsonArray(new JsonArray("ping", new JsonObject { ["n"] = _random.Next(10) }));
        }
        return Finish(diff);
    }

    private JsonObject Finish(JsonObject node)
    {
        if (_newComponents.Count > 0)
        {
            node["c"] = _newComponents;
        }
        return node;
    }

    private void PartialInto(JsonObject diff, JsonObject held, int depth, bool inComponent, JsonObject? templates)
    {
        var count = ((JsonArray)held["s"]!).Count - 1;
        for (var i = 0; i < count; i++)
        {
            if (_random.Next(3) != 0)
            {
                continue;
            }
            diff[Key(i)] = held[Key(i)] is JsonObject existing && _random.Next(2) == 0
                ? PartialNode(existing, depth + 1, inComponent, templates)
                : NewDynamic(depth + 1, inComponent, templates);
        }
    }

    private JsonObject PartialNode(JsonObject held, int depth, bool inComponent, JsonObject? templates)
    {
        var diff = new JsonObject();
        if (held["k"] is JsonObject entries)
        {
            diff["k"] = KeyedDiff(entries, (JsonArray)held["s"]!, depth, inComponent);
            return diff;
        }
        PartialInto(diff, held, depth, inComponent, templates);
        return diff;
    }

    private JsonObject KeyedDiff(JsonObject held, JsonArray statics, int depth, bool inComponent)
    {
        var oldCount = held["kc"]!.GetValue<int>();
        var order = Enumerable.Range(0, oldCount).Where(_ => _random.Next(5) > 0).OrderBy(_ => _random.Next(3)).Select(i => (int?)i).ToList();
        for (var inserts = _random.Next(3); inserts > 0; inserts--)
        {
            order.Insert(_random.Next(order.Count + 1), null);
        }
        var diff = new JsonObject();
        var moved = false;
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] is not { } from)
            {
                diff[Key(i)] = NewEntry(statics.Count - 1, depth, inComponent);
            }
            else if (from != i)
            {
                moved = true;
                diff[Key(i)] = _random.Next(2) == 0 ? from : new JsonArray(from, PartialEntry((JsonObject)held[Key(from)]!, statics.Count - 1, depth, inComponent));
            }
            else if (_random.Next(2) == 0)
            {
                diff[Key(i)] = PartialEntry((JsonObject)held[Key(i)]!, statics.Count - 1, depth, inComponent);
            }
        }
        diff["kc"] = order.Count;
        if (moved || _random.Next(4) == 0)
        {
            diff["km"] = true;
        }
        return diff;
    }

    private JsonObject PartialEntry(JsonObject entry, int count, int depth, bool inComponent)
    {
        var diff = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            if (_random.Next(2) == 0)
            {
                diff[Key(i)] = entry[Key(i)] is JsonObject existing && _random.Next(2) == 0
                    ? PartialNode(existing, depth + 1, inComponent, templates: null)
                    : NewDynamic(depth + 1, inComponent, templates: null);
            }
        }
        return diff;
    }

    private JsonNode NewDynamic(int depth, bool inComponent, JsonObject? templates)
    {
        var pick = depth >= 3 ? 0 : _random.Next(inComponent ? 4 : 5);
        return pick switch
        {
            0 => Words[_random.Next(Words.Length)],
            1 => NewNode(depth, inComponent, templates),
            2 => NewComprehension(depth, inComponent),
            3 => NewNode(depth, inComponent, templates),
            _ => ComponentReference(),
        };
    }

    private JsonObject NewNode(int depth, bool inComponent, JsonObject? templates)
    {
        var index = _random.Next(NodeTemplates.Length);
        var node = new JsonObject { ["s"] = templates is not null && _random.Next(2) == 0 ? index : Statics(NodeTemplates[index]) };
        if (NodeTemplates[index][0].TrimStart().StartsWith('<') && _random.Next(2) == 0)
        {
            node["r"] = 1;
        }
        for (var i = 0; i < NodeTemplates[index].Length - 1; i++)
        {
            node[Key(i)] = NewDynamic(depth + 1, inComponent, templates);
        }
        return node;
    }

    private JsonObject NewComprehension(int depth, bool inComponent)
    {
        var statics = EntryTemplates[_random.Next(EntryTemplates.Length)];
        var entries = new JsonObject();
        var count = _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            entries[Key(i)] = NewEntry(statics.Length - 1, depth, inComponent);
        }
        entries["kc"] = count;
        return new JsonObject { ["s"] = Statics(statics), ["k"] = entries };
    }

    private JsonObject NewEntry(int count, int depth, bool inComponent)
    {
        var entry = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            entry[Key(i)] = NewDynamic(depth + 1, inComponent, templates: null);
        }
        return entry;
    }

    /// <summary>A new component, referenced once: the client renders a cid referenced twice with skipped roots (a cid is one element).</summary>
    private int ComponentReference()
    {
        var cid = _nextCid++;
        _newComponents[Key(cid)] = NewComponent();
        return cid;
    }

    /// <summary>A component in full: its own statics, or those of another component (§4.5), with every dynamic.</summary>
    private JsonObject NewComponent()
    {
        var index = _random.Next(ComponentTemplates.Length);
        var component = new JsonObject { ["r"] = 1 };
        var sharable = _newComponents.Where(entry => entry.Value!["s"] is JsonArray statics && SameTemplate(statics, index)).Select(entry => int.Parse(entry.Key))
            .Select(cid => cid).Concat(_oldComponents!.Where(entry => entry.Value!["s"] is JsonArray statics && SameTemplate(statics, index)).Select(entry => -int.Parse(entry.Key)))
            .ToList();
        component["s"] = sharable.Count > 0 && _random.Next(2) == 0 ? sharable[_random.Next(sharable.Count)] : Statics(ComponentTemplates[index]);
        for (var i = 0; i < ComponentTemplates[index].Length - 1; i++)
        {
            component[Key(i)] = NewDynamic(depth: 1, inComponent: true, templates: null);
        }
        return component;
    }

    private static bool SameTemplate(JsonArray statics, int index) =>
        statics.Count == ComponentTemplates[index].Length && statics[0]!.GetValue<string>() == ComponentTemplates[index][0];

    private static JsonArray Statics(string[] statics) => new([.. statics.Select(text => (JsonNode)text)]);

    private static string Key(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
