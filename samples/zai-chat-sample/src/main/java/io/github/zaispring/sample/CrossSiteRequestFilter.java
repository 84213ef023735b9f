/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zaispring.sample;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses calls to {@code /api/} that a browser made for another site's page. Any page
 * the user visits could otherwise make their browser ask the sample a question (an
 * {@code EventSource} or an image pointing at
 * {@code http://127.0.0.1:8080/api/chat/stream}), and the answer would be paid for from
 * the sample's key even though that page can never read it. Browsers say where a request
 * comes from in {@code Sec-Fetch-Site}; requests without it (curl, scripts) are let
 * through.
 *
 * @author zai-spring-boot contributors
 */
@Component
class CrossSiteRequestFilter implements WebFilter {

	private static final String API = "/api/";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String site = exchange.getRequest().getHeaders().getFirst("Sec-Fetch-Site");
		boolean fromAnotherSite = site != null && !"same-origin".equals(site) && !"none".equals(site);
		if (fromAnotherSite && exchange.getRequest().getPath().value().startsWith(API)) {
			return refuse(exchange.getResponse());
		}
		return chain.filter(exchange);
	}

	private static Mono<Void> refuse(ServerHttpResponse response) {
		response.setStatusCode(HttpStatus.FORBIDDEN);
		response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
		byte[] body = "The sample answers only its own page, not pages of other sites."
			.getBytes(StandardCharsets.UTF_8);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
