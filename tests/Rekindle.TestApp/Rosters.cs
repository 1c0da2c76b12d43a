using System.Collections.Concurrent;

namespace Rekindle.TestApp;

/// <summary>Named lists of members, shared by every view of the app, that tests change from outside (<c>POST /test/roster/{name}</c>).</summary>
public sealed class Rosters
{
    private readonly ConcurrentDictionary<string, string[]> _members = new();

    public IReadOnlyList<string> Members(string name) => _members.GetValueOrDefault(name, []);

    public void Set(string name, string[] members) => _members[name] = members;
}
