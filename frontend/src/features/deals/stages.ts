import type { PipelineStageDto } from '../../api/generated/deals-client';

/** A stage's name in the user's language: an admin names each stage in Chinese and in English. */
export function stageName(stage: Pick<PipelineStageDto, 'name' | 'englishName'>, language: string): string {
  return language.startsWith('zh') ? stage.name : stage.englishName;
}
