package uk.ear.caseservice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Camunda's timers get the JDK's XML datatype factory without a service lookup each time. */
class XmlDatatypeFactoryTest {

  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(XmlDatatypeFactory.PROPERTY);
    System.clearProperty(XmlDatatypeFactory.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(XmlDatatypeFactory.PROPERTY);
    } else {
      System.setProperty(XmlDatatypeFactory.PROPERTY, before);
    }
  }

  @Test
  void namesTheJdksFactorySoNoLookupRuns() throws Exception {
    XmlDatatypeFactory.useTheJdksUnlessSet();

    assertThat(System.getProperty("javax.xml.datatype.DatatypeFactory"))
        .isEqualTo("com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
    assertThat(DatatypeFactory.newInstance().newDuration("PT1H").getHours()).isEqualTo(1);
  }

  @Test
  void leavesAFactoryTheOperatorChoseAlone() {
    System.setProperty(XmlDatatypeFactory.PROPERTY, "org.example.OtherDatatypeFactory");

    XmlDatatypeFactory.useTheJdksUnlessSet();

    assertThat(System.getProperty(XmlDatatypeFactory.PROPERTY)).isEqualTo("org.example.OtherDatatypeFactory");
  }
}
