using Rekindle.Rendering;

namespace Rekindle.Tests.Rendering;

/// <summary>
/// Random view trees and random edits of them, built from a seed: nested nodes, template switches,
/// keyed lists (with inserts, deletes, moves and mixed entry templates) and text needing escapes.
/// </summary>
internal sealed class RandomTreeModel
{
    private static readonly StaticTemplate[] NodeTemplates =
    [
        StaticTemplate.Create(["<div class=\"t0\">", "<span>", "</span>", "</div>"]),
        StaticTemplate.Create(["<section>", "</section>"]),
        StaticTemplate.Create(["<p title=\"", "\">", "</p>"]),
        StaticTemplate.Create(["<ul>", "</ul>"]),
    ];

    private static readonly StaticTemplate[] EntryTemplates =
    [
        StaticTemplate.Create(["<li id=\"i", "\">", "</li>"]),
        StaticTemplate.Create(["<li class=\"e1\" id=\"i", "\">", "<b>", "</b></li>"]),
    ];

    private static readonly string[] Words = ["", "a", "b", "Milk", "<b>", "&amp;", "\"q\"", "é", "x y", "0"];

    private readonly Random _random;

    public RandomTreeModel(int seed)
    {
        _random = new Random(seed);
        Root = NewNode(0);
    }

    public Node Root { get; private set; }

    public Rendered Render() => Build(Root);

    /// <summary>Applies a few random edits; sometimes none (an unchanged render must diff to nothing).</summary>
    public void Mutate()
    {
        var edits = _random.Next(0, 4);
        for (var i = 0; i < edits; i++)
        {
            if (_random.Next(12) == 0)
            {
                Root = NewNode(0);
            }
            else
            {
                MutateNode(Root, 0);
            }
        }
    }

    private void MutateNode(Node node, int depth)
    {
        var slot = _random.Next(node.Slots.Length);
        switch (node.Slots[slot])
        {
            case Node child when _random.Next(3) > 0:
                MutateNode(child, depth + 1);
                break;
            case ListSlot list when _random.Next(4) > 0:
                MutateList(list, depth + 1);
                break;
            default:
                node.Slots[slot] = NewSlot(depth + 1);
                break;
        }
    }

    private void MutateList(ListSlot list, int depth)
    {
        var items = list.Items;
        switch (_random.Next(6))
        {
            case 0:
                var key = NewKey(items);
                items.Insert(_random.Next(items.Count + 1), (key, NewEntry(depth)));
                break;
            case 1 when items.Count > 0:
                items.RemoveAt(_random.Next(items.Count));
                break;
            case 2 when items.Count > 1:
                var from = _random.Next(items.Count);
                var moved = items[from];
                items.RemoveAt(from);
                items.Insert(_random.Next(items.Count + 1), moved);
                break;
            case 3:
                items.Reverse();
                break;
            case 4 when items.Count > 0:
                MutateNode(items[_random.Next(items.Count)].Entry, depth + 1);
                break;
            default:
                if (items.Count > 0)
                {
                    var index = _random.Next(items.Count);
                    items[index] = (items[index].Key, NewEntry(depth));
                }
                break;
        }
    }

    private Node NewNode(int depth)
    {
        var template = _random.Next(NodeTemplates.Length);
        var slots = new object[NodeTemplates[template].HoleCount];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = NewSlot(depth + 1);
        }
        return new Node(NodeTemplates[template], slots);
    }

    private Node NewEntry(int depth)
    {
        var template = EntryTemplates[_random.Next(5) == 0 ? 1 : 0];
        var slots = new object[template.HoleCount];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = depth < 3 && _random.Next(6) == 0 ? NewNode(depth + 1) : NewText();
        }
        return new Node(template, slots);
    }

    private object NewSlot(int depth) => (depth >= 4 ? 0 : _random.Next(10)) switch
    {
        <= 5 => NewText(),
        <= 7 => NewNode(depth),
        _ => NewList(depth),
    };

    private ListSlot NewList(int depth)
    {
        var list = new ListSlot([]);
        var count = _random.Next(5);
        for (var i = 0; i < count; i++)
        {
            list.Items.Add((NewKey(list.Items), NewEntry(depth)));
        }
        return list;
    }

    private int NewKey(List<(int Key, Node Entry)> items)
    {
        int key;
        do
        {
            key = _random.Next(20);
        }
        while (items.Exists(item => item.Key == key));
        return key;
    }

    private string NewText() => Words[_random.Next(Words.Length)];

    private static Rendered Build(Node node) =>
        new(node.Template, node.Slots.Select(BuildSlot).ToArray());

    private static object BuildSlot(object slot) => slot switch
    {
        string text => HtmlEscaper.Escape(text),
        Node node => Build(node),
        ListSlot list => ComprehensionBuilder.Build(list.Items, item => item.Key, item => Build(item.Entry)),
        _ => throw new InvalidOperationException("unknown slot"),
    };

    public sealed record Node(StaticTemplate Template, object[] Slots);

    public sealed record ListSlot(List<(int Key, Node Entry)> Items);
}
