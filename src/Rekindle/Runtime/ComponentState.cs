using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>One live component of a view and what its client holds of it.</summary>
internal sealed class ComponentState(int cid, LiveComponent instance)
{
    public int Cid { get; } = cid;

    public LiveComponent Instance { get; } = instance;

    public object? LastAssigns { get; set; }

    /// <summary>The render the client holds; <see langword="null"/> until first sent, or after the client may have dropped it.</summary>
    public Rendered? Held { get; set; }

    /// <summary>Changed by an event or update since its last render.</summary>
    public bool Dirty { get; set; } = true;

    /// <summary>The client reported it removed (<c>cids_will_destroy</c>); deleted on <c>cids_destroyed</c> unless rendered again.</summary>
    public bool MarkedForDeletion { get; set; }
}
