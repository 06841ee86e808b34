package org.marginfall.experiments.internal.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.VirtualAnnotatedMember;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.VirtualBeanPropertyWriter;
import com.fasterxml.jackson.databind.util.Annotations;
import com.fasterxml.jackson.databind.util.SimpleBeanPropertyDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.marginfall.core.event.SimEvent;

/**
 * Writes one event as the compact JSON object of {@code events.jsonl}: the record's fields and its
 * {@code type}, keys in sorted order. The event is serialised directly by a bean serializer whose
 * property list gets a virtual {@code type} property, sorted in among the fields; a generic map of
 * the event would give the same bytes at several times the cost per event.
 *
 * <p>Stateless and thread-safe.
 */
final class EventJson {

  private static final String TYPE = "type";

  private static final ObjectWriter WRITER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .addModule(new SimpleModule("event-type").setSerializerModifier(new AddType()))
          .build()
          .writer();

  private EventJson() {}

  /** The event as one line of JSON, without the line end. */
  static String line(SimEvent event) throws com.fasterxml.jackson.core.JsonProcessingException {
    return WRITER.writeValueAsString(event);
  }

  /** Adds {@code type} to the properties of every event class and keeps them in name order. */
  private static final class AddType extends BeanSerializerModifier {
    @Override
    public List<BeanPropertyWriter> changeProperties(
        SerializationConfig config,
        BeanDescription description,
        List<BeanPropertyWriter> properties) {
      if (!SimEvent.class.isAssignableFrom(description.getBeanClass())) {
        return properties;
      }
      JavaType string = config.constructType(String.class);
      VirtualAnnotatedMember member =
          new VirtualAnnotatedMember(
              description.getClassInfo(), description.getBeanClass(), TYPE, string);
      BeanPropertyDefinition definition =
          SimpleBeanPropertyDefinition.construct(config, member, PropertyName.construct(TYPE));
      List<BeanPropertyWriter> out = new ArrayList<>();
      for (BeanPropertyWriter p : properties) {
        // The event's type names it: a field of the same name would be overwritten, as before.
        if (!p.getName().equals(TYPE)) {
          out.add(p);
        }
      }
      out.add(new TypeWriter(definition, description.getClassAnnotations(), string));
      out.sort(Comparator.comparing(BeanPropertyWriter::getName));
      return out;
    }
  }

  /** The virtual {@code type} property: {@link SimEvent#type()}. */
  private static final class TypeWriter extends VirtualBeanPropertyWriter {
    private static final long serialVersionUID = 1L;

    TypeWriter(BeanPropertyDefinition definition, Annotations annotations, JavaType type) {
      super(definition, annotations, type);
    }

    @Override
    protected Object value(Object bean, JsonGenerator generator, SerializerProvider provider) {
      return ((SimEvent) bean).type();
    }

    @Override
    public VirtualBeanPropertyWriter withConfig(
        MapperConfig<?> config,
        AnnotatedClass declaringClass,
        BeanPropertyDefinition definition,
        JavaType type) {
      return new TypeWriter(definition, declaringClass.getAnnotations(), type);
    }
  }
}
