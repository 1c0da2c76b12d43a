namespace Rekindle.Rendering;

/// <summary>
/// Reads a template's statics once, when its call site is first rendered, and refuses markup whose
/// holes could not be escaped safely: a hole must sit in text, in a comment, or inside a quoted
/// attribute value, or between a tag's attributes for an <c>Attr(...)</c>. It also enforces the client's rule that a <c>phx-hook</c> element needs an
/// <c>id</c> (docs/protocol.md §7.7) and finds out whether the output is a single element.
/// </summary>
internal static class TemplateAnalyzer
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private enum State { Text, TagOpen, TagName, InTag, AttrName, AfterAttrName, AfterEquals, Quoted, Unquoted, EndTag, Comment }

    public static TemplateShape Analyze(string[] parts)
    {
        var scan = new Scanner(parts);
        for (var p = 0; p < parts.Length; p++)
        {
            foreach (var ch in parts[p])
            {
                scan.Step(ch);
            }
            if (p < parts.Length - 1)
            {
                scan.Hole(p);
            }
        }
        return new TemplateShape(scan.IsSingleRoot(), scan.AttributeHoles);
    }

    private sealed class Scanner(string[] parts)
    {
        public bool[] AttributeHoles { get; } = new bool[Math.Max(0, parts.Length - 1)];

        private State _state = State.Text;
        private char _quote;
        private readonly System.Text.StringBuilder _name = new();
        private string _tagName = "";
        private bool _tagSelfClosing;
        private readonly HashSet<string> _attributes = new(StringComparer.OrdinalIgnoreCase);
        private int _depth;
        private int _topLevelElements;
        private bool _topLevelContent;
        private readonly System.Text.StringBuilder _commentTail = new();

        public bool IsSingleRoot() => _state == State.Text && _depth == 0 && _topLevelElements == 1 && !_topLevelContent;

        public void Hole(int index)
        {
            switch (_state)
            {
                case State.Text:
                    if (_depth == 0)
                    {
                        _topLevelContent = true;
                    }
                    break;
                case State.Quoted or State.Comment:
                    break;
                case State.AfterEquals or State.Unquoted:
                    throw Unsafe(index, "an unquoted attribute value; write name=\"{…}\" with quotes");
                case State.InTag or State.AfterAttrName:
                    AttributeHoles[index] = true;
                    break;
                case State.AttrName when EndsAttribute(parts[index + 1]):
                    // <input readonly{Attr(...)}>: the hole ends a bare attribute, as HEEx allows.
                    _attributes.Add(_name.ToString());
                    _state = State.InTag;
                    AttributeHoles[index] = true;
                    break;
                case State.TagName:
                    // <a{Attr(...)}>: the hole ends the tag name.
                    StartTag();
                    AttributeHoles[index] = true;
                    break;
                default:
                    throw Unsafe(index, "the middle of a tag or attribute name; holes inside a tag must be quoted attribute values or Attr(...) between attributes");
            }
        }

        /// <summary>A hole right after an attribute name is between attributes only when the name does not go on after it.</summary>
        private static bool EndsAttribute(string next) => next.Length == 0 || char.IsWhiteSpace(next[0]) || next[0] is '>' or '/';

        private InvalidOperationException Unsafe(int index, string where) => new(
            $"Template hole {index} is in {where}. Expected a hole in text or in a quoted attribute value. Template: {Describe()}");

        private string Describe() => string.Join("{…}", parts);

        public void Step(char ch)
        {
            switch (_state)
            {
                case State.Text:
                    if (ch == '<')
                    {
                        _state = State.TagOpen;
                        _name.Clear();
                    }
                    else if (_depth == 0 && !char.IsWhiteSpace(ch))
                    {
                        _topLevelContent = true;
                    }
                    break;
                case State.TagOpen:
                    if (ch == '/')
                    {
                        _state = State.EndTag;
                    }
                    else if (ch == '!')
                    {
                        _state = State.Comment;
                        _commentTail.Clear();
                    }
                    else if (char.IsLetter(ch))
                    {
                        _state = State.TagName;
                        _name.Append(ch);
                    }
                    else
                    {
                        _state = State.Text;
                    }
                    break;
                case State.TagName:
                    if (char.IsWhiteSpace(ch) || ch is '>' or '/')
                    {
                        StartTag();
                        InTag(ch);
                    }
                    else
                    {
                        _name.Append(ch);
                    }
                    break;
                case State.InTag:
                    InTag(ch);
                    break;
                case State.AttrName:
                    if (ch == '=')
                    {
                        _attributes.Add(_name.ToString());
                        _state = State.AfterEquals;
                    }
                    else if (char.IsWhiteSpace(ch) || ch is '>' or '/')
                    {
                        _attributes.Add(_name.ToString());
                        _state = State.AfterAttrName;
                        AfterAttrName(ch);
                    }
                    else
                    {
                        _name.Append(ch);
                    }
                    break;
                case State.AfterAttrName:
                    AfterAttrName(ch);
                    break;
                case State.AfterEquals:
                    if (ch is '"' or '\'')
                    {
                        _quote = ch;
                        _state = State.Quoted;
                    }
                    else if (!char.IsWhiteSpace(ch))
                    {
                        _state = State.Unquoted;
                    }
                    break;
                case State.Quoted:
                    if (ch == _quote)
                    {
                        _state = State.InTag;
                    }
                    break;
                case State.Unquoted:
                    if (char.IsWhiteSpace(ch))
                    {
                        _state = State.InTag;
                    }
                    else if (ch == '>')
                    {
                        _state = State.InTag;
                        InTag(ch);
                    }
                    break;
                case State.EndTag:
                    if (ch == '>')
                    {
                        _depth = Math.Max(0, _depth - 1);
                        _state = State.Text;
                    }
                    break;
                case State.Comment:
                    _commentTail.Append(ch);
                    if (ch == '>' && (_commentTail.Length == 1 || EndsWith(_commentTail, "-->") || !StartsWith(_commentTail, "--")))
                    {
                        _state = State.Text;
                    }
                    break;
            }
        }

        private void StartTag()
        {
            _tagName = _name.ToString();
            _attributes.Clear();
            _tagSelfClosing = false;
            _state = State.InTag;
        }

        private void InTag(char ch)
        {
            if (ch == '>')
            {
                CloseStartTag();
            }
            else if (ch == '/')
            {
                _tagSelfClosing = true;
            }
            else if (!char.IsWhiteSpace(ch))
            {
                _tagSelfClosing = false;
                _name.Clear();
                _name.Append(ch);
                _state = State.AttrName;
            }
        }

        private void AfterAttrName(char ch)
        {
            if (ch == '=')
            {
                _state = State.AfterEquals;
            }
            else if (!char.IsWhiteSpace(ch))
            {
                _state = State.InTag;
                InTag(ch);
            }
        }

        private void CloseStartTag()
        {
            if (_attributes.Contains("phx-hook") && !_attributes.Contains("id"))
            {
                throw new InvalidOperationException(
                    $"The <{_tagName}> element has phx-hook but no id. Expected an element with phx-hook to have a stable, unique id attribute (the client requires it). Template: {Describe()}");
            }
            if (_depth == 0)
            {
                _topLevelElements++;
            }
            if (!_tagSelfClosing && !VoidElements.Contains(_tagName))
            {
                _depth++;
            }
            _state = State.Text;
        }

        private static bool EndsWith(System.Text.StringBuilder text, string suffix) =>
            text.Length >= suffix.Length && text.ToString(text.Length - suffix.Length, suffix.Length) == suffix;

        private static bool StartsWith(System.Text.StringBuilder text, string prefix) =>
            text.Length >= prefix.Length && text.ToString(0, prefix.Length) == prefix;
    }
}
