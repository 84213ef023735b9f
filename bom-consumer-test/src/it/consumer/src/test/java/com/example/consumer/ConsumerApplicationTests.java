package com.example.consumer;

import java.time.Duration;

import io.github.zaispring.test.AutoConfigureZaiMockServer;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "spring.main.banner-mode=off")
@AutoConfigureZaiMockServer
class ConsumerApplicationTests {

	@Autowired
	ZaiMockServer zai;

	@Autowired
	ConsumerApplication.Assistant assistant;

	@Autowired
	ChatClient.Builder chatClient;

	@Test
	void asksThroughTheStarter() {
		this.zai.enqueue(ZaiReply.text("Hello from the simulator"));
		assertThat(this.assistant.ask("hi").block(Duration.ofSeconds(10))).isEqualTo("Hello from the simulator");
		assertThat(this.zai.takeRequest(Duration.ofSeconds(1)).lastUserMessage()).isEqualTo("hi");
	}

	@Test
	void asksThroughSpringAi() {
		this.zai.enqueue(ZaiReply.text("Hello through Spring AI"));
		assertThat(this.chatClient.build().prompt().user("hi").call().content()).isEqualTo("Hello through Spring AI");
	}

}
