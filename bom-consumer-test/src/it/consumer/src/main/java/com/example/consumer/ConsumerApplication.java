package com.example.consumer;

import io.github.zaispring.chat.ZaiChatOperations;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A user's application that asks GLM through the starter.
 */
@SpringBootApplication
public class ConsumerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsumerApplication.class, args);
	}

	@Bean
	Assistant assistant(ZaiChatOperations zai) {
		return new Assistant(zai);
	}

	/**
	 * Answers questions with one call each.
	 */
	public static class Assistant {

		private final ZaiChatOperations zai;

		Assistant(ZaiChatOperations zai) {
			this.zai = zai;
		}

		public Mono<String> ask(String question) {
			return this.zai.chat(question);
		}

	}

}
