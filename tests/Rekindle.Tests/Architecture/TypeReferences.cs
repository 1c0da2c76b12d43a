using System.Reflection;
using System.Reflection.Emit;

namespace Rekindle.Tests.Architecture;

/// <summary>
/// Every type one type uses: its base and interfaces, the signatures of its members, and the types,
/// methods and fields its method bodies name (read from the IL), so that a reference hidden in a
/// method body (<c>new X()</c>, a static call, a cast) counts as much as one in a signature.
/// Nested types (lambdas' closures, async state machines) are read as part of their outer type.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!) // every public static field of OpCodes is an OpCode
        .ToDictionary(code => code.Value);

    public static HashSet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Collect(type, found);
        return found;
    }

    private static void Collect(Type type, HashSet<Type> found)
    {
        Add(type.BaseType, found);
        foreach (var implemented in type.GetInterfaces())
        {
            Add(implemented, found);
        }
        foreach (var attribute in type.GetCustomAttributesData())
        {
            Add(attribute.AttributeType, found);
        }
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType, found);
        }
        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType, found);
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType, found);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType, found);
            }
            ReadBody(method, found);
        }
        foreach (var nested in type.GetNestedTypes(Declared))
        {
            Collect(nested, found);
        }
    }

    private static void ReadBody(MethodBase method, HashSet<Type> found)
    {
        if (method.GetMethodBody() is not { } body)
        {
            return;
        }
        foreach (var local in body.LocalVariables)
        {
            Add(local.LocalType, found);
        }
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            var operand = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField)
            {
                AddMember(method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments), found);
            }
            at += operand;
        }
    }

    private static void AddMember(MemberInfo? member, HashSet<Type> found)
    {
        switch (member)
        {
            case Type type:
                Add(type, found);
                break;
            case FieldInfo field:
                Add(field.DeclaringType, found);
                Add(field.FieldType, found);
                break;
            case MethodBase method:
                Add(method.DeclaringType, found);
                if (method is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var argument in generic.GetGenericArguments())
                    {
                        Add(argument, found);
                    }
                }
                break;
        }
    }

    private static void Add(Type? type, HashSet<Type> found)
    {
        if (type is null || type.IsGenericParameter || !found.Add(type))
        {
            return;
        }
        if (type.HasElementType)
        {
            Add(type.GetElementType(), found);
        }
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(argument, found);
            }
        }
    }
}
