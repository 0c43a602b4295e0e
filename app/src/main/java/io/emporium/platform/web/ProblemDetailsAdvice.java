package io.emporium.platform.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.emporium.platform.ProblemTypes;
import io.emporium.platform.ServiceUnavailableException;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error as RFC 9457 problem+json. Field errors are listed; only a
 * deliberate {@link ErrorResponseException} chooses its own detail. Anything unexpected
 * becomes a generic 500, logged once here, with no message, stack trace, SQL or class
 * name in the body.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = validationProblem(errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()), "message",
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return ResponseEntity.badRequest().body(validationProblem(errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLargeException tooLarge = bodyTooLarge(ex);
		if (tooLarge != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					BodyTooLargeException.detail(tooLarge.limit()));
			problem.setType(ProblemTypes.uri(BodyTooLargeException.TYPE));
			problem.setTitle(BodyTooLargeException.TITLE);
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON for this operation (malformed, wrong type or unknown field).");
		problem.setType(ProblemTypes.uri("malformed-request"));
		problem.setTitle("Malformed request body");
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getBody().getDetail());
		problem.setType(ProblemTypes.uri("missing-parameter"));
		problem.setTitle("Missing request parameter or header");
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = validationProblem(
				List.of(Map.of("field", ex.getName(), "message", "has an invalid value")));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map(violation -> Map.of("field", String.valueOf(violation.getPropertyPath()), "message",
					violation.getMessage()))
			.toList();
		return ResponseEntity.badRequest().body(validationProblem(errors));
	}

	/**
	 * A value record refused what the request carried. Its message is not shown: the same
	 * exception comes out of libraries with internals (or the input) in its text.
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex) {
		log.atDebug().setMessage("request refused by a value check").setCause(ex).log();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has a value that is not valid for this operation.");
		problem.setType(ProblemTypes.uri("invalid-request"));
		problem.setTitle("Invalid request");
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * Redis (or a query) did not answer in time: a passing outage, so the client is told
	 * to retry, not that something broke. Logged without a stack: an outage fails many
	 * requests alike.
	 */
	@ExceptionHandler({ RedisConnectionFailureException.class, QueryTimeoutException.class })
	ResponseEntity<ProblemDetail> unavailable(DataAccessException ex) {
		log.atWarn()
			.setMessage("backing service unavailable")
			.addKeyValue("error", ex.getClass().getSimpleName())
			.log();
		ServiceUnavailableException problem = new ServiceUnavailableException("service-unavailable",
				"A service this request needs did not answer in time. Please try again shortly.", RETRY_AFTER, ex);
		return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		return ResponseEntity.internalServerError().body(internalError(ex));
	}

	/**
	 * Spring's own server-side failures (a response that cannot be written, a conversion
	 * that is not supported) describe internals in their detail: they get the generic 500
	 * too. Deliberate {@link ErrorResponseException}s keep theirs.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (statusCode.is5xxServerError() && !(ex instanceof ErrorResponseException)) {
			return ResponseEntity.internalServerError().body(internalError(ex));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static ProblemDetail internalError(Exception ex) {
		log.atError().setMessage("unexpected error").setCause(ex).log();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Please try again later.");
		problem.setType(ProblemTypes.uri("internal-error"));
		problem.setTitle("Internal error");
		return problem;
	}

	/**
	 * The converters wrap the stream's failure once or twice: look through the causes.
	 */
	private static @Nullable BodyTooLargeException bodyTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				return tooLarge;
			}
		}
		return null;
	}

	private static ProblemDetail validationProblem(List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields.");
		problem.setType(ProblemTypes.uri("validation"));
		problem.setTitle("Validation failed");
		problem.setProperty("errors", errors);
		return problem;
	}

}
