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
        => typeToConvert.Assembly == _assembly && !IncidentEventSerializer.HasOwnStoredForm(typeToConvert) && !typeToConvert.IsEnum && !typeof(IEnumerable).IsAssignableFrom(typeToConvert)
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

        if (IncidentEventSerializer.HasOwnStoredForm(type))
        {
            // Stored by the event serializer's own layout, versioned with the events that carry it.
            text.Append("stored ").Append(Name(type)).Append('\n');
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

        if (type.IsGenericType
            && (EquatableListConverterFactory.ListShapes.Contains(type.GetGenericTypeDefinition()) || HashSetConverterFactory.SetShapes.Contains(type.GetGenericTypeDefinition())))
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

                    var name = NameOf(declaring, field);
                    var model = (FieldModel)Activator.CreateInstance(typeof(FieldModel<>).MakeGenericType(field.FieldType), declaring == type ? name : declaring.Name + "." + name, field)!;
                    fields.Add(model);
                }
            }

            return fields.ToArray();
        }

        // A field behind a property is named after the property, whether the compiler made it (an auto-property) or the
        // type declares it (`_camelCase` behind `get => _x; init => _x = value`), so a type can move between the two
        // without changing its snapshots' shape.
        private static string NameOf(Type declaring, FieldInfo field)
        {
            var name = field.Name;
            if (name.StartsWith("<", StringComparison.Ordinal) && name.EndsWith(">k__BackingField", StringComparison.Ordinal))
            {
                return name.Substring(1, name.Length - 1 - ">k__BackingField".Length);
            }

            if (name.Length > 1 && name[0] == '_')
            {
                var propertyName = char.ToUpperInvariant(name[1]) + name.Substring(2);
                var property = declaring.GetProperty(propertyName, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
                if (property is not null && property.PropertyType == field.FieldType)
                {
                    return propertyName;
                }
            }

            return name;
        }
    }

    /// <summary>One field: its JSON name, and how to read it into and write it from an instance.</summary>
    internal abstract class FieldModel
    {
        protected FieldModel(string name, FieldInfo field)
        {
            Name = name;
            Field = field;
            EncodedName = JsonEncodedText.Encode(name);
        }

        internal string Name { get; }

        internal JsonEncodedText EncodedName { get; }

        internal FieldInfo Field { get; }

        internal abstract void Read(ref Utf8JsonReader reader, object instance, JsonSerializerOptions options);

        internal abstract void Write(Utf8JsonWriter writer, object instance, JsonSerializerOptions options);
    }

    /// <summary>
    /// A field of type <typeparamref name="TField"/>, read and written through typed delegates: compiled accessors
    /// where the runtime can emit them (a restored snapshot of a long incident sets thousands of fields), reflection on
    /// netstandard2.0.
    /// </summary>
    /// <typeparam name="TField">The field's type.</typeparam>
    internal sealed class FieldModel<TField> : FieldModel
    {
        private readonly Func<object, TField> _get;
        private readonly Action<object, TField> _set;
        private JsonConverter<TField>? _converter;

        public FieldModel(string name, FieldInfo field)
            : base(name, field)
        {
#if NETSTANDARD2_0
            _get = instance => (TField)field.GetValue(instance)!;
            _set = (instance, value) => field.SetValue(instance, value);
#else
            _get = Accessors.Getter<TField>(field);
            _set = Accessors.Setter<TField>(field);
#endif
        }

        // One options instance per serializer, so the first one seen is the only one.
        internal override void Read(ref Utf8JsonReader reader, object instance, JsonSerializerOptions options)
            => _set(instance, DirectConverter.Read(ref reader, _converter ??= DirectConverter.For<TField>(options), options));

        internal override void Write(Utf8JsonWriter writer, object instance, JsonSerializerOptions options)
            => DirectConverter.Write(writer, _get(instance), _converter ??= DirectConverter.For<TField>(options), options);
    }

#if !NETSTANDARD2_0
    /// <summary>Field accessors emitted as IL: readonly (init and get-only backing) fields included, boxed structs set in place.</summary>
    private static class Accessors
    {
        internal static Func<object, TField> Getter<TField>(FieldInfo field)
        {
            var method = new System.Reflection.Emit.DynamicMethod("get_" + field.Name, typeof(TField), new[] { typeof(object) }, field.DeclaringType!.Module, skipVisibility: true);
            var il = method.GetILGenerator();
            il.Emit(System.Reflection.Emit.OpCodes.Ldarg_0);
            EmitOwner(il, field.DeclaringType!);
            il.Emit(System.Reflection.Emit.OpCodes.Ldfld, field);
            il.Emit(System.Reflection.Emit.OpCodes.Ret);
            return (Func<object, TField>)method.CreateDelegate(typeof(Func<object, TField>));
        }

        internal static Action<object, TField> Setter<TField>(FieldInfo field)
        {
            var method = new System.Reflection.Emit.DynamicMethod("set_" + field.Name, null, new[] { typeof(object), typeof(TField) }, field.DeclaringType!.Module, skipVisibility: true);
            var il = method.GetILGenerator();
            il.Emit(System.Reflection.Emit.OpCodes.Ldarg_0);
            EmitOwner(il, field.DeclaringType!);
            il.Emit(System.Reflection.Emit.OpCodes.Ldarg_1);
            il.Emit(System.Reflection.Emit.OpCodes.Stfld, field);
            il.Emit(System.Reflection.Emit.OpCodes.Ret);
            return (Action<object, TField>)method.CreateDelegate(typeof(Action<object, TField>));
        }

        private static void EmitOwner(System.Reflection.Emit.ILGenerator il, Type owner)
            => il.Emit(owner.IsValueType ? System.Reflection.Emit.OpCodes.Unbox : System.Reflection.Emit.OpCodes.Castclass, owner);
    }
#endif
}

/// <summary>
/// Calls a value's converter directly instead of through <see cref="JsonSerializer"/>, which sets up its read or write
/// state per call: a snapshot of a long incident holds thousands of small values. Nulls are handled here the way the
/// serializer would.
/// </summary>
internal static class DirectConverter
{
    internal static JsonConverter<T> For<T>(JsonSerializerOptions options) => (JsonConverter<T>)options.GetConverter(typeof(T));

    internal static T Read<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null && !converter.HandleNull)
        {
            return default(T) is null ? default! : throw new JsonException($"A {typeof(T).Name} cannot be null.");
        }

        return converter.Read(ref reader, typeof(T), options)!;
    }

    internal static void Write<T>(Utf8JsonWriter writer, T value, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        if (value is null && !converter.HandleNull)
        {
            writer.WriteNullValue();
            return;
        }

        converter.Write(writer, value, options);
    }
}

/// <summary>Reads and writes one state type by its fields (see <see cref="StateGraphConverterFactory"/>).</summary>
/// <typeparam name="T">The declared type.</typeparam>
internal sealed class StateGraphConverter<T> : JsonConverter<T>
{
    private readonly StateGraphConverterFactory _factory;
    private StateGraphConverterFactory.TypeModel? _model;

    public StateGraphConverter(StateGraphConverterFactory factory) => _factory = factory;

    public override bool HandleNull => false;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for {StateGraphConverterFactory.Name(typeToConvert)}.");
        }

        var model = typeToConvert == typeof(T) ? _model ??= _factory.Model(typeof(T)) : _factory.Model(typeToConvert);
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
        var fields = model.Fields;
        var seen = fields.Count <= 64 ? 0UL : throw new JsonException($"{StateGraphConverterFactory.Name(model.Type)} has more fields than a snapshot holds.");
        var remaining = fields.Count;
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Fields come in the order they were written; look there first.
            var index = expected < fields.Count && reader.ValueTextEquals(fields[expected].EncodedName.EncodedUtf8Bytes) ? expected : IndexOf(fields, ref reader);
            if (index < 0 || (seen & (1UL << index)) != 0)
            {
                throw new JsonException($"Unexpected or repeated field '{reader.GetString()}' in {StateGraphConverterFactory.Name(model.Type)}.");
            }

            reader.Read();
            fields[index].Read(ref reader, instance, options);
            seen |= 1UL << index;
            remaining--;
            expected = index + 1;
        }

        if (reader.TokenType != JsonTokenType.EndObject || remaining != 0)
        {
            throw new JsonException($"{StateGraphConverterFactory.Name(model.Type)} is incomplete.");
        }

        return (T)instance;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var model = _model ??= _factory.Model(typeof(T));
        writer.WriteStartObject();
        if (model.IsPolymorphic)
        {
            var runtime = value!.GetType();
            model = model.Concrete.TryGetValue(runtime.FullName!, out var concrete) ? concrete : throw new NotSupportedException($"{runtime} is not a snapshot-able {typeof(T)}.");
            writer.WriteString(StateGraphConverterFactory.TypeProperty, runtime.FullName);
        }

        foreach (var field in model.Fields)
        {
            writer.WritePropertyName(field.EncodedName);
            field.Write(writer, value!, options);
        }

        writer.WriteEndObject();
    }

    private static int IndexOf(IReadOnlyList<StateGraphConverterFactory.FieldModel> fields, ref Utf8JsonReader reader)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (reader.ValueTextEquals(fields[i].EncodedName.EncodedUtf8Bytes))
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
/// Chooses the converter of one family of generic collection shapes (a list family, a set family), closed over the
/// declared type and its element type.
/// </summary>
internal abstract class CollectionConverterFactory : JsonConverterFactory
{
    private readonly HashSet<Type> _shapes;
    private readonly Type _converter;

    /// <param name="shapes">The open generic types this factory converts.</param>
    /// <param name="converter">The open converter type, with the declared type and the element type as arguments.</param>
    protected CollectionConverterFactory(HashSet<Type> shapes, Type converter)
    {
        _shapes = shapes;
        _converter = converter;
    }

    public override bool CanConvert(Type typeToConvert)
        => typeToConvert.IsGenericType && _shapes.Contains(typeToConvert.GetGenericTypeDefinition());

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(_converter.MakeGenericType(typeToConvert, typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>
/// Writes a collection as a JSON array of its elements and reads one back through <typeparamref name="TBuilder"/>,
/// each element through the element type's own converter.
/// </summary>
/// <typeparam name="TCollection">The declared collection type.</typeparam>
/// <typeparam name="TElement">The element type.</typeparam>
/// <typeparam name="TBuilder">What collects the elements while reading.</typeparam>
internal abstract class CollectionConverter<TCollection, TElement, TBuilder> : JsonConverter<TCollection>
    where TCollection : class, IEnumerable<TElement>
{
    private JsonConverter<TElement>? _element;

    /// <summary>What the collection is called in an error message.</summary>
    protected abstract string Shape { get; }

    public override TCollection? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a " + Shape + ".");
        }

        var element = _element ??= DirectConverter.For<TElement>(options);
        var items = Start();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Add(items, DirectConverter.Read(ref reader, element, options));
        }

        return Finish(items);
    }

    public override void Write(Utf8JsonWriter writer, TCollection value, JsonSerializerOptions options)
    {
        var element = _element ??= DirectConverter.For<TElement>(options);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            DirectConverter.Write(writer, item, element, options);
        }

        writer.WriteEndArray();
    }

    /// <summary>An empty builder for one read.</summary>
    protected abstract TBuilder Start();

    /// <summary>Adds the next element read.</summary>
    protected abstract void Add(TBuilder items, TElement item);

    /// <summary>The collection of the elements read.</summary>
    protected abstract TCollection Finish(TBuilder items);
}

/// <summary>
/// Reads read-only list shapes back as <see cref="EquatableList{T}"/>, the list the state types hold, so that a
/// restored record compares equal to the original.
/// </summary>
internal sealed class EquatableListConverterFactory : CollectionConverterFactory
{
    internal static readonly HashSet<Type> ListShapes = new()
    {
        typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IEnumerable<>), typeof(EquatableList<>),
    };

    public EquatableListConverterFactory()
        : base(ListShapes, typeof(EquatableListConverter<,>))
    {
    }
}

/// <summary>One read-only list shape over <typeparamref name="TElement"/>.</summary>
/// <typeparam name="TList">The declared list type.</typeparam>
/// <typeparam name="TElement">The element type.</typeparam>
internal sealed class EquatableListConverter<TList, TElement> : CollectionConverter<TList, TElement, List<TElement>>
    where TList : class, IEnumerable<TElement>
{
    protected override string Shape => "list";

    protected override List<TElement> Start() => new();

    protected override void Add(List<TElement> items, TElement item) => items.Add(item);

    protected override TList Finish(List<TElement> items) => (TList)(object)EquatableList<TElement>.Wrap(items.ToArray());
}

/// <summary>
/// Reads sets (<see cref="HashSet{T}"/>, <see cref="ISet{T}"/>) back as a <see cref="HashSet{T}"/> with the default
/// comparer, the only comparer a state type can rely on after a round trip.
/// </summary>
internal sealed class HashSetConverterFactory : CollectionConverterFactory
{
    internal static readonly HashSet<Type> SetShapes = new() { typeof(HashSet<>), typeof(ISet<>) };

    public HashSetConverterFactory()
        : base(SetShapes, typeof(HashSetConverter<,>))
    {
    }
}

/// <summary>One set shape over <typeparamref name="TElement"/>.</summary>
/// <typeparam name="TSet">The declared set type.</typeparam>
/// <typeparam name="TElement">The element type.</typeparam>
internal sealed class HashSetConverter<TSet, TElement> : CollectionConverter<TSet, TElement, HashSet<TElement>>
    where TSet : class, IEnumerable<TElement>
{
    protected override string Shape => "set";

    protected override HashSet<TElement> Start() => new();

    protected override void Add(HashSet<TElement> items, TElement item)
    {
        if (!items.Add(item))
        {
            throw new JsonException("A set holds an element twice.");
        }
    }

    protected override TSet Finish(HashSet<TElement> items) => (TSet)(object)items;
}
