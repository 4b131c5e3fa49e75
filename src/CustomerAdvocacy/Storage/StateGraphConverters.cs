using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAdvocacy.Storage;

/// <summary>
/// Serializes the library's state types by their instance fields, the same members record equality compares: a
/// restored value equals the original, whatever mix of constructors, init accessors and get-only properties the type
/// uses. Objects are created without running a constructor (their guards already ran when the original was built),
/// and every field must be present on read. Types the library does not own are left to System.Text.Json and allowed
/// only when they are plain values (primitives, strings, Guids, enums, NodaTime types).
/// </summary>
internal sealed class StateGraphConverterFactory : JsonConverterFactory
{
    internal const string TypeProperty = "$type";

    private readonly Assembly _assembly;
    private readonly ConcurrentDictionary<Type, TypeModel> _models = new();

    internal StateGraphConverterFactory(Assembly assembly) => _assembly = assembly;

    public override bool CanConvert(Type typeToConvert)
        => typeToConvert.Assembly == _assembly && !typeToConvert.IsEnum && !typeof(IEnumerable).IsAssignableFrom(typeToConvert)
            && !typeToConvert.IsInterface && !typeToConvert.IsGenericTypeDefinition;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(StateGraphConverter<>).MakeGenericType(typeToConvert), this)!;

    /// <summary>Appends a canonical description of a type's shape (recursively) for the fingerprint.</summary>
    /// <exception cref="NotSupportedException">The graph holds a type a snapshot cannot represent.</exception>
    internal void Describe(Type type, StringBuilder text, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Describe(underlying, text, seen);
            return;
        }

        if (type.IsEnum)
        {
            text.Append("enum ").Append(Name(type)).Append(':');
            foreach (var name in Enum.GetNames(type).OrderBy(n => n, StringComparer.Ordinal))
            {
                text.Append(' ').Append(name).Append('=').Append(Convert.ToInt64(Enum.Parse(type, name), CultureInfo.InvariantCulture));
            }

            text.Append('\n');
            return;
        }

        if (ElementType(type) is { } element)
        {
            Describe(element, text, seen);
            return;
        }

        if (CanConvert(type))
        {
            var model = Model(type);
            foreach (var concrete in model.Concrete.Values.OrderBy(t => t.Type.FullName, StringComparer.Ordinal))
            {
                text.Append("type ").Append(Name(type)).Append(" as ").Append(Name(concrete.Type)).Append(" {");
                foreach (var field in concrete.Fields.OrderBy(f => f.Name, StringComparer.Ordinal))
                {
                    text.Append(' ').Append(field.Name).Append(':').Append(Name(field.Field.FieldType)).Append(';');
                }

                text.Append(" }\n");
                foreach (var field in concrete.Fields)
                {
                    Describe(field.Field.FieldType, text, seen);
                }
            }

            return;
        }

        if (!IsPlainValue(type))
        {
            throw new NotSupportedException($"{Name(type)} is neither a state type of the library nor a plain value.");
        }
    }

    internal TypeModel Model(Type type) => _models.GetOrAdd(type, t => new TypeModel(t, _assembly));

    internal static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && EquatableListConverterFactory.ListShapes.Contains(type.GetGenericTypeDefinition()))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }

    internal static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        var definition = type.GetGenericTypeDefinition().FullName ?? type.Name;
        var tick = definition.IndexOf('`');
        return (tick < 0 ? definition : definition.Substring(0, tick)) + "<" + string.Join(",", type.GetGenericArguments().Select(Name)) + ">";
    }

    private static bool IsPlainValue(Type type)
        => type.IsPrimitive || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal)
            || (type.Namespace == "NodaTime" && type.Assembly == typeof(NodaTime.Instant).Assembly);

    /// <summary>The fields of one concrete type, and for a non-sealed type the concrete types it may be.</summary>
    internal sealed class TypeModel
    {
        internal TypeModel(Type type, Assembly assembly)
        {
            Type = type;
            var candidates = type.IsSealed || type.IsValueType
                ? new[] { type }
                : assembly.GetTypes().Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && type.IsAssignableFrom(t)).ToArray();
            Concrete = candidates.ToDictionary(t => t.FullName!, t => t == type ? this : new TypeModel(t), StringComparer.Ordinal);
            IsPolymorphic = !(type.IsSealed || type.IsValueType);
            Fields = type.IsAbstract ? Array.Empty<FieldModel>() : FieldsOf(type);
        }

        private TypeModel(Type concrete)
        {
            Type = concrete;
            Concrete = new Dictionary<string, TypeModel>(StringComparer.Ordinal) { [concrete.FullName!] = this };
            Fields = FieldsOf(concrete);
        }

        internal Type Type { get; }

        internal bool IsPolymorphic { get; }

        internal IReadOnlyDictionary<string, TypeModel> Concrete { get; }

        internal IReadOnlyList<FieldModel> Fields { get; }

        private static FieldModel[] FieldsOf(Type type)
        {
            var fields = new List<FieldModel>();
            for (var declaring = type; declaring is not null && declaring != typeof(object) && declaring != typeof(ValueType); declaring = declaring.BaseType)
            {
                foreach (var field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (typeof(Delegate).IsAssignableFrom(field.FieldType) || field.FieldType == typeof(object))
                    {
                        throw new NotSupportedException($"{Name(type)}.{field.Name} holds a {Name(field.FieldType)}, which a snapshot cannot represent.");
                    }

                    var name = field.Name.StartsWith("<", StringComparison.Ordinal) && field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal)
                        ? field.Name.Substring(1, field.Name.Length - 1 - ">k__BackingField".Length)
                        : field.Name;
                    fields.Add(new FieldModel(declaring == type ? name : declaring.Name + "." + name, field));
                }
            }

            return fields.ToArray();
        }
    }

    internal sealed record FieldModel(string Name, FieldInfo Field);
}

/// <summary>Reads and writes one state type by its fields (see <see cref="StateGraphConverterFactory"/>).</summary>
/// <typeparam name="T">The declared type.</typeparam>
internal sealed class StateGraphConverter<T> : JsonConverter<T>
{
    private readonly StateGraphConverterFactory _factory;

    public StateGraphConverter(StateGraphConverterFactory factory) => _factory = factory;

    public override bool HandleNull => false;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for {StateGraphConverterFactory.Name(typeToConvert)}.");
        }

        var model = _factory.Model(typeToConvert);
        if (model.IsPolymorphic)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(StateGraphConverterFactory.TypeProperty) || !reader.Read())
            {
                throw new JsonException($"A {StateGraphConverterFactory.Name(typeToConvert)} starts with its '{StateGraphConverterFactory.TypeProperty}'.");
            }

            var name = reader.GetString() ?? string.Empty;
            model = model.Concrete.TryGetValue(name, out var concrete) ? concrete : throw new JsonException($"'{name}' is not a {StateGraphConverterFactory.Name(typeToConvert)}.");
        }

        var instance = Uninitialized(model.Type);
        var seen = new bool[model.Fields.Count];
        var remaining = seen.Length;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(model.Fields, ref reader);
            if (index < 0 || seen[index])
            {
                throw new JsonException($"Unexpected or repeated field '{reader.GetString()}' in {StateGraphConverterFactory.Name(model.Type)}.");
            }

            var field = model.Fields[index].Field;
            reader.Read();
            field.SetValue(instance, JsonSerializer.Deserialize(ref reader, field.FieldType, options));
            seen[index] = true;
            remaining--;
        }

        if (reader.TokenType != JsonTokenType.EndObject || remaining != 0)
        {
            throw new JsonException($"{StateGraphConverterFactory.Name(model.Type)} is incomplete.");
        }

        return (T)instance;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var model = _factory.Model(typeof(T));
        writer.WriteStartObject();
        if (model.IsPolymorphic)
        {
            var runtime = value!.GetType();
            model = model.Concrete.TryGetValue(runtime.FullName!, out var concrete) ? concrete : throw new NotSupportedException($"{runtime} is not a snapshot-able {typeof(T)}.");
            writer.WriteString(StateGraphConverterFactory.TypeProperty, runtime.FullName);
        }

        foreach (var field in model.Fields)
        {
            writer.WritePropertyName(field.Name);
            JsonSerializer.Serialize(writer, field.Field.GetValue(value), field.Field.FieldType, options);
        }

        writer.WriteEndObject();
    }

    private static int IndexOf(IReadOnlyList<StateGraphConverterFactory.FieldModel> fields, ref Utf8JsonReader reader)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (reader.ValueTextEquals(fields[i].Name))
            {
                return i;
            }
        }

        return -1;
    }

    private static object Uninitialized(Type type)
#if NETSTANDARD2_0
        => System.Runtime.Serialization.FormatterServices.GetUninitializedObject(type);
#else
        => System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
#endif
}

/// <summary>
/// Reads read-only list shapes back as <see cref="EquatableList{T}"/>, the list the state types hold, so that a
/// restored record compares equal to the original.
/// </summary>
internal sealed class EquatableListConverterFactory : JsonConverterFactory
{
    internal static readonly HashSet<Type> ListShapes = new()
    {
        typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IEnumerable<>), typeof(EquatableList<>),
    };

    public override bool CanConvert(Type typeToConvert)
        => typeToConvert.IsGenericType && ListShapes.Contains(typeToConvert.GetGenericTypeDefinition());

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(EquatableListConverter<,>).MakeGenericType(typeToConvert, typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>One read-only list shape over <typeparamref name="TElement"/>.</summary>
/// <typeparam name="TList">The declared list type.</typeparam>
/// <typeparam name="TElement">The element type.</typeparam>
internal sealed class EquatableListConverter<TList, TElement> : JsonConverter<TList>
    where TList : class, IEnumerable<TElement>
{
    public override TList? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a list.");
        }

        var items = new List<TElement>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(JsonSerializer.Deserialize<TElement>(ref reader, options)!);
        }

        return (TList)(object)EquatableList<TElement>.Wrap(items.ToArray());
    }

    public override void Write(Utf8JsonWriter writer, TList value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, options);
        }

        writer.WriteEndArray();
    }
}
