using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Rekindle.Views;

namespace Rekindle.Routing;

/// <summary>A live view mapped to a route pattern, within a route group (<c>live_session</c>).</summary>
internal sealed class LiveRoute
{
    private readonly TemplateMatcher _matcher;

    public LiveRoute(string pattern, Type viewType, string liveSession, LiveContainer? container = null)
    {
        Pattern = pattern;
        ViewType = viewType;
        LiveSession = liveSession;
        Container = container;
        _matcher = new TemplateMatcher(TemplateParser.Parse(pattern), new RouteValueDictionary());
    }

    public string Pattern { get; }

    public Type ViewType { get; }

    public string LiveSession { get; }

    /// <summary>The view's container element; <see langword="null"/> for a bare <c>div</c>.</summary>
    public LiveContainer? Container { get; }

    /// <summary>
    /// Matches a path taken from a client's URL. A path that ASP.NET Core's <c>PathString</c> refuses
    /// (one not starting with '/', as in <c>hetp:o/x</c>, or with an escaped NUL, <c>%00</c>) matches
    /// no route instead of throwing (found by fuzz/run.sh).
    /// </summary>
    public bool TryMatch(string path, out RouteValueDictionary values)
    {
        values = [];
        return path.StartsWith('/') && !path.Contains("%00", StringComparison.Ordinal) && _matcher.TryMatch(path, values);
    }
}
