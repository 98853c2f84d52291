package org.hikeshi.system;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.hikeshi.incident.IncidentNotFoundException;
import org.hikeshi.incident.InvalidIntakeException;
import org.hikeshi.security.RequestTooLargeException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Bad input to our API gets RFC 7807 problem details that say what is wrong, field by field, in an
 * {@code errors} list of {@code {field, message}}. Never a 500.
 */
@RestControllerAdvice // for every handler, and for requests no handler takes (405, 404 of an unknown path)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(org.springframework.validation.FieldError::getField))
			.map(e -> error(e.getField(), e.getDefaultMessage()))
			.collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.add(error(e.getObjectName(), e.getDefaultMessage())));
		return ResponseEntity.badRequest().body(invalid("The request has invalid fields.", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable c = ex; c != null; c = c.getCause()) {
			if (c instanceof RequestTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
					.body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", tooLarge.getMessage()));
			}
		}
		Throwable cause = ex.getCause();
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse("body");
			String message;
			if (cause instanceof UnrecognizedPropertyException unknown) {
				return ResponseEntity.badRequest()
					.body(invalid("The request body has a field this request does not know.",
							List.of(error(field, "is not a field of this request; known fields: "
									+ unknown.getKnownPropertyIds()))));
			}
			if (cause instanceof InvalidFormatException format) {
				message = "cannot be read from '" + format.getValue() + "'" + allowed(format.getTargetType());
			}
			else if (cause instanceof ValueInstantiationException instantiation
					&& instantiation.getCause() != null) {
				message = instantiation.getCause().getMessage();
			}
			else if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
				message = "has the wrong type: expected " + describe(mismatch.getTargetType());
			}
			else {
				message = "has the wrong type";
			}
			return ResponseEntity.badRequest()
				.body(invalid("The request body has a value of the wrong type.", List.of(error(field, message))));
		}
		return ResponseEntity.badRequest()
			.body(invalid("The request body is not valid JSON.", List.of(error("body", "is not readable JSON"))));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(r -> r.getResolvableErrors()
				.stream()
				.map(e -> error(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(invalid("The request has invalid parameters.", errors));
	}

	@ExceptionHandler(InvalidIntakeException.class)
	ProblemDetail invalidIntake(InvalidIntakeException ex) {
		return invalid("The intake has invalid fields.",
				ex.problems().stream().map(p -> error(p.field(), p.message())).toList());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		return invalid("The request has invalid parameters.",
				ex.getConstraintViolations()
					.stream()
					.map(v -> error(v.getPropertyPath().toString(), v.getMessage()))
					.toList());
	}

	@ExceptionHandler(IncidentNotFoundException.class)
	ProblemDetail notFound(IncidentNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Incident not found", ex.getMessage());
	}

	/** The engine refuses a request of ours as bad input, e.g. an unknown or malformed value. */
	@ExceptionHandler(BadUserRequestException.class)
	ProblemDetail badUserRequest(BadUserRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", ex.getMessage());
	}

	/** Camunda authorization refuses what the user asked the engine to do. */
	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail engineForbidden(AuthorizationException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	/** Two users changed the same thing at once; the later one is told to look again. */
	@ExceptionHandler(OptimisticLockingException.class)
	ProblemDetail conflict(OptimisticLockingException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict", "Someone else changed this at the same time; load it again and retry.");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private static String describe(Class<?> type) {
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a text";
		}
		return "an object";
	}

	private static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", new java.util.ArrayList<>(errors));
		return problem;
	}

	private static Map<String, String> error(String field, @Nullable String message) {
		return Map.of("field", field, "message", message == null ? "is invalid" : message);
	}

	private static String allowed(Class<?> type) {
		if (type != null && type.isEnum()) {
			return ": use one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		return "";
	}

}
