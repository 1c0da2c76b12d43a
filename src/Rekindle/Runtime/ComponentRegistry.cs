using Microsoft.Extensions.DependencyInjection;
using Rekindle.Recovery;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// The stateful components of one view (docs/protocol.md §9). Components are keyed by
/// (type, id) and numbered with cids from 1, never reused within the view's life. Before every diff
/// the registry walks the new render, creates, updates and renders the components it references
/// (and theirs), and sets each reference's cid. Components the client has removed stay until it
/// confirms with <c>cids_destroyed</c>.
/// </summary>
internal sealed class ComponentRegistry(IServiceProvider services, ClientEffects effects, Action<string, List<string>> onDropped, int maxComponents = int.MaxValue, CancellationToken cancellation = default, IViewRuntime? runtime = null, bool connected = false)
{
    private const int MaxUpdateRounds = 16;
    // Created by the first component or restored snapshot: most views have none, and every view has a
    // registry. Until then reads go to shared empty instances, which are never written.
    private static readonly Dictionary<(Type, string), ComponentState> NoKeys = [];
    private static readonly Dictionary<int, ComponentState> NoCids = [];
    private static readonly Dictionary<(string Type, string Id), ComponentSnapshot> NothingRestoring = [];
    private Dictionary<(Type, string), ComponentState>? _byKey;
    private Dictionary<int, ComponentState>? _byCid;
    private Dictionary<(string Type, string Id), ComponentSnapshot>? _restoring;
    private int _nextCid = 1;

    private Dictionary<(Type, string), ComponentState> ByKey => _byKey ?? NoKeys;

    private Dictionary<int, ComponentState> ByCid => _byCid ?? NoCids;

    private Dictionary<(string Type, string Id), ComponentSnapshot> Restoring => _restoring ?? NothingRestoring;

    public ComponentState? Find(int cid) => ByCid.GetValueOrDefault(cid);

    /// <summary>Every live component, in no particular order.</summary>
    public IEnumerable<ComponentState> All => ByCid.Values;

    /// <summary>Component states from a snapshot, applied when each component is created again.</summary>
    public void ExpectRestored(IEnumerable<ComponentSnapshot> snapshots)
    {
        foreach (var snapshot in snapshots)
        {
            (_restoring ??= [])[(snapshot.Type, snapshot.Id)] = snapshot;
        }
    }

    /// <summary>Makes the next render render every component again and send it in full (hot reload: its code changed, not its state).</summary>
    public void ForgetRendered()
    {
        foreach (var state in ByCid.Values)
        {
            state.Held = null;
            state.Dirty = true;
        }
    }

    /// <summary>The recoverable members of every component, keyed by type and id (cids change across mounts).</summary>
    public List<ComponentSnapshot> CaptureRecoverable()
    {
        var snapshots = new List<ComponentSnapshot>();
        foreach (var state in ByCid.Values)
        {
            var members = RecoverableMembers.Of(state.Instance.GetType());
            if (!members.IsEmpty)
            {
                snapshots.Add(new ComponentSnapshot(TypeName(state.Instance.GetType()), state.Instance.Id, members.Schema, members.Capture(state.Instance), members.MemberTypes()));
            }
        }
        // Components restored from a snapshot but not rendered yet keep their state for later.
        snapshots.AddRange(Restoring.Values);
        return snapshots;
    }

    /// <summary>Applies queued <c>SendUpdate</c>s; updates queued by those updates run too, in bounded rounds.</summary>
    public async ValueTask ApplyUpdatesAsync(Action<Type, string> onMissing)
    {
        for (var round = 0; effects.Updates.Count > 0; round++)
        {
            if (round == MaxUpdateRounds)
            {
                throw new InvalidOperationException($"SendUpdate kept queueing updates after {MaxUpdateRounds} rounds. Expected components not to update each other in a cycle.");
            }
            var updates = effects.Updates.ToArray();
            effects.Updates.Clear();
            foreach (var (type, id, assigns) in updates)
            {
                if (ByKey.TryGetValue((type, id), out var state))
                {
                    await state.Instance.UpdateAsync(assigns);
                    state.Dirty = true;
                }
                else
                {
                    onMissing(type, id);
                }
            }
        }
    }

    /// <summary>Resolves every component reachable from <paramref name="root"/>; returns those rendered in this pass.</summary>
    public async ValueTask<List<ComponentRender>> ResolveAsync(Rendered root)
    {
        var rendered = new List<ComponentRender>();
        // Created by the first component found: most renders have none.
        HashSet<int>? seen = null;
        Queue<Rendered>? pending = null;
        for (var tree = root; tree is not null; tree = pending is not null && pending.TryDequeue(out var next) ? next : null)
        {
            foreach (var reference in References(tree))
            {
                var state = await PrepareAsync(reference);
                if (!(seen ??= []).Add(state.Cid))
                {
                    throw new InvalidOperationException(
                        $"The component {reference.ComponentType.Name} with id '{reference.Id}' is rendered twice in one view. Expected one Component<T>(id) per id.");
                }
                reference.Cid = state.Cid;
                if (state.Dirty || state.Held is null || state.MarkedForDeletion)
                {
                    var next = RenderComponent(state);
                    rendered.Add(new ComponentRender(state, state.MarkedForDeletion ? null : state.Held, next));
                    state.Held = next;
                    state.Dirty = false;
                    state.MarkedForDeletion = false;
                }
                reference.Output = state.Held;
                (pending ??= new()).Enqueue(state.Held!); // set just above or on an earlier pass
            }
        }
        return rendered;
    }

    /// <summary>
    /// Renders the components the client holds that an event or update changed, and the components
    /// their new renders reference, without the view's render (a component's own event).
    /// </summary>
    public async ValueTask<List<ComponentRender>> RenderChangedAsync()
    {
        var rendered = new List<ComponentRender>();
        foreach (var state in ByCid.Values.Where(state => state.Dirty && state.Held is not null && !state.MarkedForDeletion).ToList())
        {
            if (!state.Dirty)
            {
                // Rendered meanwhile as a child of another changed component.
                continue;
            }
            var next = RenderComponent(state);
            rendered.Add(new ComponentRender(state, state.Held, next));
            state.Held = next;
            state.Dirty = false;
            rendered.AddRange(await ResolveAsync(next));
        }
        return rendered;
    }

    public void MarkForDeletion(IEnumerable<int> cids)
    {
        foreach (var cid in cids)
        {
            if (ByCid.TryGetValue(cid, out var state))
            {
                state.MarkedForDeletion = true;
            }
        }
    }

    /// <summary>Deletes the components still marked; returns their cids for the client to forget.</summary>
    public List<int> DeleteMarked(IEnumerable<int> cids)
    {
        var deleted = new List<int>();
        foreach (var cid in cids)
        {
            if (ByCid.TryGetValue(cid, out var state) && state.MarkedForDeletion)
            {
                ByCid.Remove(cid);
                ByKey.Remove((state.Instance.GetType(), state.Instance.Id));
                deleted.Add(cid);
            }
        }
        return deleted;
    }

    private async ValueTask<ComponentState> PrepareAsync(ComponentRef reference)
    {
        if (ByKey.TryGetValue((reference.ComponentType, reference.Id), out var existing))
        {
            if (!AssignsComparison.Same(existing.LastAssigns, reference.Assigns))
            {
                existing.LastAssigns = reference.Assigns;
                await existing.Instance.UpdateAsync(reference.Assigns);
                existing.Dirty = true;
            }
            return existing;
        }
        if (ByCid.Count >= maxComponents)
        {
            throw new InvalidOperationException(
                $"The view would hold more than {maxComponents} components (Rekindle:Runtime:MaxComponentsPerView) when adding {reference.ComponentType.Name} '{reference.Id}'.");
        }
        var instance = (LiveComponent)ActivatorUtilities.CreateInstance(services, reference.ComponentType);
        var state = new ComponentState(_nextCid++, instance) { LastAssigns = reference.Assigns };
        instance.Id = reference.Id;
        instance.Cid = state.Cid;
        instance.Effects = effects;
        instance.Cancellation = cancellation;
        instance.Runtime = runtime;
        instance.Connected = connected;
        (_byKey ??= [])[(reference.ComponentType, reference.Id)] = state;
        (_byCid ??= [])[state.Cid] = state;
        await instance.MountAsync();
        await instance.UpdateAsync(reference.Assigns);
        if (_restoring?.Remove((TypeName(reference.ComponentType), reference.Id), out var restored) == true)
        {
            var dropped = RecoverableMembers.Of(reference.ComponentType).Apply(instance, restored.State, restored.Schema, restored.MemberTypes);
            if (dropped.Count > 0)
            {
                onDropped(reference.ComponentType.Name, dropped);
            }
        }
        return state;
    }

    private static string TypeName(Type type) => type.FullName ?? type.Name;

    private static Rendered RenderComponent(ComponentState state)
    {
        var output = state.Instance.Render();
        if (!output.Template.Shape.IsSingleRoot)
        {
            throw new InvalidOperationException(
                $"The component {state.Instance.GetType().Name} must render exactly one root element (the client marks it with data-phx-component). Got: {output.Template}");
        }
        return output;
    }

    private static IEnumerable<ComponentRef> References(Rendered tree)
    {
        foreach (var value in tree.Dynamics)
        {
            switch (value)
            {
                case ComponentRef reference:
                    yield return reference;
                    break;
                case Rendered nested:
                    foreach (var inner in References(nested))
                    {
                        yield return inner;
                    }
                    break;
                case Comprehension { Template: { } template } list:
                    foreach (var entry in list.Entries)
                    {
                        foreach (var inner in References(new Rendered(template, entry)))
                        {
                            yield return inner;
                        }
                    }
                    break;
            }
        }
    }
}
