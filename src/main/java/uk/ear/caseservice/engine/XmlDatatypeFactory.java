package uk.ear.caseservice.engine;

import javax.xml.datatype.DatatypeFactory;

/**
 * Names the JDK's own {@link DatatypeFactory} in the system property that {@code
 * DatatypeFactory.newInstance()} reads first. Camunda calls {@code newInstance()} for every timer
 * it schedules (its {@code DurationHelper}), and without the property the JDK looks for another
 * implementation through {@code ServiceLoader} each time: a walk over every jar inside the
 * service's jar that finds none (the service ships no other implementation) and then uses this
 * same class. That walk was 4 % of the service's CPU time while taking calls (docs/performance.md).
 * A property already set (e.g. {@code -Djavax.xml.datatype.DatatypeFactory=...}) is left alone.
 */
public final class XmlDatatypeFactory {

  static final String PROPERTY = DatatypeFactory.DATATYPEFACTORY_PROPERTY;

  private XmlDatatypeFactory() {}

  /** Sets the property to the JDK's implementation unless it is set already. */
  public static void useTheJdksUnlessSet() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
  }
}
