using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Rekindle.Hosting;

/// <summary>A live view mapped to a route pattern, within a route group (<c>live_session</c>).</summary>
internal sealed class LiveRoute
{
    private readonly TemplateMatcher _matcher;

    public LiveRoute(string pattern, Type viewType, string liveSession)
    {
        Pattern = pattern;
        ViewType = viewType;
        LiveSession = liveSession;
        _matcher = new TemplateMatcher(TemplateParser.Parse(pattern), new RouteValueDictionary());
    }

    public string Pattern { get; }

    public Type ViewType { get; }

    public string LiveSession { get; }

    public bool TryMatch(string path, out RouteValueDictionary values)
    {
        values = [];
        return _matcher.TryMatch(path, values);
    }
}
