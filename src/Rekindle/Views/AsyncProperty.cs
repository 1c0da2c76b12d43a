using System.Reflection;

namespace Rekindle.Views;

/// <summary>
/// A settable <see cref="AsyncResult{T}"/> property of a view or component, named by an
/// <c>AssignAsync</c> key or a <c>StreamAsync</c> name: moved to loading when work starts, to ok or
/// failed on the owner's loop when it ends.
/// </summary>
internal sealed class AsyncProperty
{
    private readonly LiveTemplate _owner;
    private readonly PropertyInfo _property;

    private AsyncProperty(LiveTemplate owner, PropertyInfo property, Type valueType)
    {
        _owner = owner;
        _property = property;
        ValueType = valueType;
    }

    /// <summary>The key: the property's name.</summary>
    public string Name => _property.Name;

    /// <summary>The <c>T</c> of the property's <see cref="AsyncResult{T}"/>.</summary>
    public Type ValueType { get; }

    private IAsyncResult Current => (IAsyncResult?)_property.GetValue(_owner) ?? NewLoading();

    /// <summary>The property named <paramref name="key"/>; with <paramref name="valueType"/>, it must hold an <see cref="AsyncResult{T}"/> of exactly that type.</summary>
    /// <param name="owner">The view or component.</param>
    /// <param name="key">The property's name.</param>
    /// <param name="valueType">The required <c>T</c>, or <see langword="null"/> for any.</param>
    /// <param name="call">How the caller's call reads, for the exception's message.</param>
    /// <exception cref="ArgumentException">No such property.</exception>
    public static AsyncProperty Find(LiveTemplate owner, string key, Type? valueType, string call)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var property = owner.GetType().GetProperty(key, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        var type = property?.PropertyType;
        var isResult = type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(AsyncResult<>);
        if (property is not { CanRead: true, CanWrite: true } || !isResult || (valueType is not null && type!.GetGenericArguments()[0] != valueType))
        {
            var expected = valueType is null ? "AsyncResult<T>" : $"AsyncResult<{valueType.Name}>";
            throw new ArgumentException(
                $"{owner.GetType().Name} has no readable and settable property '{key}' of type {expected}. Expected the key to name one, as in {call}.", nameof(key));
        }
        // isResult: the property's type is AsyncResult<T>.
        return new AsyncProperty(owner, property, type!.GetGenericArguments()[0]);
    }

    /// <summary>Whether <paramref name="value"/> can be the property's value.</summary>
    public bool Accepts(object? value) =>
        value is null ? !ValueType.IsValueType || Nullable.GetUnderlyingType(ValueType) is not null : ValueType.IsInstanceOfType(value);

    /// <summary>Loading: keeping the last value, or from nothing when <paramref name="reset"/>.</summary>
    public void MarkLoading(bool reset) => _property.SetValue(_owner, reset ? NewLoading() : Current.Reloading());

    /// <summary>Ok with <paramref name="value"/>, which <see cref="Accepts"/>.</summary>
    public void Succeed(object? value) => _property.SetValue(_owner, Current.WithBoxedValue(value));

    /// <summary>Failed with <paramref name="reason"/>, keeping the last value.</summary>
    public void Fail(string reason) => _property.SetValue(_owner, Current.WithFailure(reason));

    private IAsyncResult NewLoading() =>
        // AsyncResult<T>.Loading() returns an AsyncResult<T>, which implements IAsyncResult.
        (IAsyncResult)_property.PropertyType.GetMethod(nameof(AsyncResult<object>.Loading), BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
}
