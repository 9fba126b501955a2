package uk.ear.caseservice.process;

import java.time.Clock;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.shared.EarProperties;

/**
 * What every form handler needs: the case record, the clock, the service's settings. One bean, so
 * that a handler's constructor is one line and a new dependency of all of them is added here.
 */
@Component
public record FormContext(CaseRecords records, Clock clock, EarProperties properties) {}
