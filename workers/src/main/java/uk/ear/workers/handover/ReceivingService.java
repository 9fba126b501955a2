package uk.ear.workers.handover;

/** The core services a case is handed over to ({@code receivingService}), with their names. */
public enum ReceivingService {
  EDGE_OF_CARE("Edge of Care"),
  CONNECT_4_LIFE("Connect 4 Life"),
  DOMESTIC_ABUSE_SERVICE("Domestic Abuse Service"),
  CHILDRENS_SOCIAL_CARE("Children's Social Care"),
  ADULT_SOCIAL_CARE("Adult Social Care"),
  MENTAL_HEALTH_SERVICES("Mental Health Services"),
  YOUTH_OFFENDING_TEAM("Youth Offending Team"),
  EARLY_HELP("Early Help"),
  EMERGENCY_DUTY_TEAM("Emergency Duty Team");

  private final String displayName;

  ReceivingService(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** The service of this variable value, or null if there is none by that name. */
  public static ReceivingService byName(String value) {
    for (ReceivingService service : values()) {
      if (service.name().equals(value)) {
        return service;
      }
    }
    return null;
  }
}
