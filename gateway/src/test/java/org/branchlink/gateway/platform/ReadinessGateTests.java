package org.branchlink.gateway.platform;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A node answers 503 with Retry-After until it is ready, and again once it starts to leave; health is always asked. */
class ReadinessGateTests {

	private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

	private final ReadinessGate.NotReadyFilter gate = new ReadinessGate.NotReadyFilter(availability);

	@Test
	void refusesTrafficUntilReadyAndAgainWhenLeaving() throws Exception {
		assertThat(status("/api/search")).as("starting: no readiness state yet").isEqualTo(503);
		assertThat(status("/actuator/health/readiness")).as("the probe is always answered").isEqualTo(200);
		ready(ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(status("/api/search")).isEqualTo(200);
		ready(ReadinessState.REFUSING_TRAFFIC);
		MockHttpServletResponse leaving = response("/api/sites/baishi/circulation/events");
		assertThat(leaving.getStatus()).isEqualTo(503);
		assertThat(leaving.getHeader("Retry-After")).isEqualTo("2");
		assertThat(leaving.getContentAsString()).contains("稍后再试").contains("try again");
	}

	private void ready(ReadinessState state) {
		availability.onApplicationEvent(new AvailabilityChangeEvent<>(new StaticApplicationContext(), state));
	}

	private int status(String path) throws Exception {
		return response(path).getStatus();
	}

	private MockHttpServletResponse response(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		gate.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
