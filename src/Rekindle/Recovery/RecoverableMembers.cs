using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Recovery;

/// <summary>
/// The <see cref="RecoverableAttribute"/> members of one view or component type: read once by
/// reflection, checked for serializability, and hashed into a schema so a snapshot taken by another
/// version of the type (a deploy that changed its members) is recognised and not applied.
/// </summary>
internal sealed class RecoverableMembers
{
    private static readonly ConcurrentDictionary<Type, RecoverableMembers> Cache = new();
    private readonly Member[] _members;
    private byte[]? _memberTypesJson;

    private RecoverableMembers(Type type, Member[] members)
    {
        _members = members;
        Schema = ComputeSchema(type, members);
        TypeHash = Hash(type.FullName ?? type.Name, 4);
    }

    /// <summary>A short hash of the owning type's name.</summary>
    public string TypeHash { get; }

    public bool IsEmpty => _members.Length == 0;

    public string Schema { get; }

    public static RecoverableMembers Of(Type type) => Cache.GetOrAdd(type, Build);

    public JsonObject Capture(object instance)
    {
        var state = new JsonObject();
        foreach (var member in _members)
        {
            state[member.Name] = JsonSerializer.SerializeToNode(member.Get(instance), member.Type, WireJson.PayloadOptions);
        }
        return state;
    }

    /// <summary>Writes the members' values as one JSON object, the same as <see cref="Capture"/> without building its tree.</summary>
    public void Write(Utf8JsonWriter writer, object instance)
    {
        writer.WriteStartObject();
        foreach (var member in _members)
        {
            writer.WritePropertyName(member.Name);
            JsonSerializer.Serialize(writer, member.Get(instance), member.Type, WireJson.PayloadOptions);
        }
        writer.WriteEndObject();
    }

    /// <summary><see cref="MemberTypes"/> as JSON, written once per type.</summary>
    public byte[] MemberTypesJson => _memberTypesJson ??= JsonSerializer.SerializeToUtf8Bytes(MemberTypes(), WireJson.PayloadOptions);

    /// <summary>Short hashes of each member's type, stored with a snapshot so a later version can tell which members still match.</summary>
    public JsonObject MemberTypes()
    {
        var types = new JsonObject();
        foreach (var member in _members)
        {
            types[member.Name] = member.TypeHash;
        }
        return types;
    }

    /// <summary>
    /// Applies a snapshot's state. With the same schema every member is set; after a change
    /// (a deploy), only members whose name and type still match are, and the others are returned.
    /// </summary>
    public List<string> Apply(object instance, JsonObject state, string schema, JsonObject? memberTypes)
    {
        var dropped = new List<string>();
        var sameSchema = schema == Schema;
        foreach (var member in _members)
        {
            if (!state.TryGetPropertyValue(member.Name, out var value))
            {
                continue;
            }
            if (!sameSchema && memberTypes?[member.Name]?.GetValue<string>() != member.TypeHash)
            {
                dropped.Add(member.Name);
                continue;
            }
            member.Set(instance, value is null ? null : value.Deserialize(member.Type, WireJson.PayloadOptions));
        }
        if (!sameSchema)
        {
            dropped.AddRange(state.Select(pair => pair.Key).Where(name => Array.TrueForAll(_members, m => m.Name != name)));
        }
        return dropped;
    }

    /// <summary>The members with the largest serialized values, for the oversize error.</summary>
    public static string Largest(JsonObject state, int count) => string.Join(", ", state
        .Select(pair => (pair.Key, Size: pair.Value?.ToJsonString().Length ?? 4))
        .OrderByDescending(pair => pair.Size)
        .Take(count)
        .Select(pair => $"{pair.Key} ({pair.Size} B)"));

    private static RecoverableMembers Build(Type type)
    {
        var members = new List<Member>();
        for (var current = type; current is not null && current != typeof(LiveTemplate); current = current.BaseType)
        {
            const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var property in current.GetProperties(flags).Where(p => p.IsDefined(typeof(RecoverableAttribute))))
            {
                if (property.GetMethod is null || property.SetMethod is null)
                {
                    throw new InvalidOperationException($"[Recoverable] {type.Name}.{property.Name} needs a getter and a setter (any visibility). Expected a read-write property.");
                }
                members.Add(Checked(type, new Member(property.Name, property.PropertyType, property.GetValue, property.SetValue)));
            }
            foreach (var field in current.GetFields(flags).Where(f => f.IsDefined(typeof(RecoverableAttribute))))
            {
                if (field.IsInitOnly)
                {
                    throw new InvalidOperationException($"[Recoverable] {type.Name}.{field.Name} is readonly. Expected a writable field.");
                }
                members.Add(Checked(type, new Member(field.Name, field.FieldType, field.GetValue, field.SetValue)));
            }
        }
        return new RecoverableMembers(type, [.. members.OrderBy(m => m.Name, StringComparer.Ordinal)]);
    }

    private static Member Checked(Type owner, Member member)
    {
        try
        {
            WireJson.PayloadOptions.GetTypeInfo(member.Type);
            if (member.Type == typeof(object) || member.Type.IsAbstract || member.Type.IsInterface && !IsCollectionInterface(member.Type))
            {
                throw new NotSupportedException("its declared type does not say what to deserialize");
            }
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"[Recoverable] {owner.Name}.{member.Name} of type {member.Type.Name} cannot be snapshotted: {exception.Message}. Expected a type System.Text.Json can serialize and deserialize.", exception);
        }
        return member;
    }

    private static bool IsCollectionInterface(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(IEnumerable<>)
            || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>));

    private static string ComputeSchema(Type type, Member[] members)
    {
        var text = new StringBuilder(type.FullName);
        foreach (var member in members)
        {
            text.Append('|').Append(member.Name).Append(':').Append(member.Type.FullName);
        }
        return Hash(text.ToString(), 8);
    }

    private static string Hash(string text, int bytes) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, bytes);

    private sealed record Member(string Name, Type Type, Func<object?, object?> Get, Action<object?, object?> Set)
    {
        public string TypeHash { get; } = Hash(Type.FullName ?? Type.Name, 4);
    }
}
