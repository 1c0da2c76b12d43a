namespace Rekindle.Runtime;

/// <summary>What changed under <c>dotnet watch</c>.</summary>
internal enum HotReloadKind
{
    /// <summary>Code, applied by .NET hot reload: views render again.</summary>
    Code,

    /// <summary>A stylesheet in wwwroot: pages fetch their stylesheets again.</summary>
    Stylesheets,
}
