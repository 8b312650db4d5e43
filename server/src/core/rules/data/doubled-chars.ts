// Function characters that standard Chinese never doubles, with the words that put two of them side by
// side legitimately (目的的, 为了了解, 现在在, 在在建项目). Reduplicated words (谢谢, 常常, 天天, 看看,
// 一一) are not listed: only characters that are never doubled on their own.

export const DOUBLED_CHARS: readonly (readonly [char: string, prev: string, next: string])[] = [
  // prev: a character before the pair that makes a word with the first one (目的 + 的).
  // next: a character after the pair that makes a word with the second one (了 + 了解).
  // 目的的, 标的的, 众矢之的的; 的的确确 is an AABB form; 的确, 的士, 的哥.
  ['的', '目标之端', '确士哥姐'],
  // 不了了之, 小时了了; 为了了解, 除了了结.
  ['了', '不时', '解结却如然断事得不无悟望账'],
  ['们', '', ''],
  ['也', '', ''],
  ['于', '', ''],
  // 凡是是; 是是非非 is AABB; 就是是否.
  ['是', '凡', '非否'],
  // 现在在, 存在在; 在在建项目, 在在职党员, 在在校学生, 在在华企业, 在在座各位.
  ['在', '现存', '线职建岗校编任册读押逃研营售用运库家于乎意案京华沪港澳台外内途场位世座'],
  // 温和和, 总和和, 缓和和; 和和美美 is AABB; 和谐, 和平, 和解.
  ['和', '温平总调饱缓柔暖祥讲附应随中人共谦亲议求违掺搀唱拌融协顺', '谐平解睦美气善蔼衷煦顺尚田声弦局约谈亲畅缓服面弄稀盘牌棋好合'],
  // 参与与, 给与与; 与会, 与其, 与日俱增, 与时俱进.
  ['与', '参给赋授施干相付寄许', '会其日时否'],
];
