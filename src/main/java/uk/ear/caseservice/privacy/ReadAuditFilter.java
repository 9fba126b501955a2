package uk.ear.caseservice.privacy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Audits every read of a case's data through the engine's API ({@link EngineReads}): one row per
 * case the answer touched, with the user, the channel (REST, Tasklist, Cockpit) and what was
 * read; a refused read (401, 403, 404) of a case named in the path is audited as refused. Other
 * requests pass untouched. The service's own API and the handover pack audit their reads
 * themselves ({@code CaseLookup}).
 */
public class ReadAuditFilter extends OncePerRequestFilter {

  private final CaseReadAudit audit;

  public ReadAuditFilter(CaseReadAudit audit) {
    this.audit = audit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<EngineReads.Read> read = EngineReads.of(request.getMethod(), request.getRequestURI());
    if (read.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingRequestWrapper cachedRequest = new ContentCachingRequestWrapper(request);
    ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(cachedRequest, cachedResponse);
    } finally {
      try {
        audit.record(
            read.get(),
            cachedRequest,
            cachedResponse.getStatus(),
            cachedRequest.getContentAsByteArray(),
            cachedResponse.getContentAsByteArray());
      } finally {
        cachedResponse.copyBodyToResponse();
      }
    }
  }
}
